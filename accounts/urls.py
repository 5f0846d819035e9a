from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
]

# Mounted before allauth's own URLs under the same prefix, so that this view wins.
signup_urlpatterns = [path("signup/", views.SignupView.as_view(), name="account_signup")]
