from django.urls import path

from .views import comments, follows, proposals, results, statements, take_part

app_name = "participation"

urlpatterns = [
    path("beteiligung/mitmachen/", take_part.take_part, name="take_part"),
    path("beteiligung/aussagen/<int:pk>/", statements.statement_detail, name="statement"),
    path("beteiligung/aussagen/<int:pk>/bewerten/", statements.vote, name="vote"),
    path(
        "beteiligung/aussagen/<int:pk>/kommentieren/",
        comments.comment_create,
        name="comment_create",
    ),
    path("beteiligung/aussagen/<int:pk>/folgen/", follows.follow_statement, name="follow"),
    path(
        "beteiligung/kommentare/<int:pk>/bearbeiten/",
        comments.comment_update,
        name="comment_edit",
    ),
    path(
        "beteiligung/kommentare/<int:pk>/loeschen/", comments.comment_remove, name="comment_delete"
    ),
    path("beteiligung/kommentare/<int:pk>/melden/", comments.comment_flag, name="comment_flag"),
    path("beteiligung/vorschlaege/<int:pk>/melden/", comments.proposal_flag, name="proposal_flag"),
    path(
        "beteiligung/themen/<slug:slug>/vorschlaege/",
        proposals.proposal_list,
        name="proposals",
    ),
    path(
        "beteiligung/themen/<slug:slug>/vorschlagen/",
        proposals.proposal_create,
        name="propose",
    ),
    path("beteiligung/themen/<slug:slug>/ergebnisse/", results.theme_results, name="results"),
    path("beteiligung/themen/<slug:slug>/folgen/", follows.follow_theme, name="follow_theme"),
    path("beteiligung/abmelden/<str:token>/", follows.unsubscribe_link, name="unsubscribe"),
    path("konto/benachrichtigungen/", follows.notification_settings, name="notifications"),
    path("offene-daten/", results.open_data, name="open_data"),
    path("offene-daten/aussagen.csv", results.statements_csv, name="statements_csv"),
    path("offene-daten/aussagen.json", results.statements_json, name="statements_json"),
    path("offene-daten/kommentare.csv", results.comments_csv, name="comments_csv"),
]
