"""Settings shared by every environment.

Everything a deployment changes comes from the environment; every value has an embedded
default so that a first run needs nothing else (SQLite, eager Celery tasks, mail to the
console). See the configuration table in README.md.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Our apps first, so that their templates and translations win over the libraries'.
    "accounts.apps.AccountsConfig",
    "outbox",
    "cms",
    "participation",
    "konferenzen",
    "zielbilder",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.CachedPageRouting",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite knows no row locks: a transaction that writes takes the write lock when it
    # begins, so that two votes at the same moment queue up instead of failing with
    # "database is locked" when the second tries to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when configured, else memory of the process --------------------------------

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stadtgespraech",
        }
    }
    # Sessions read from the shared cache, written through to the database: one query less
    # on every signed-in request. Only with a shared cache – a per-process one would let a
    # worker serve a session that another has already ended.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts -------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A form refused for want of its CSRF token gets the site's own page (403_csrf.html).
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
# Pages an editor made private ask for our sign-in, not Wagtail's bare one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.DisplayNameSignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Stadtgespräch] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
# allauth's defaults, written out so that the limits are visible and tested.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "confirm_email": "1/3m/key",
}
# Accounts that never confirmed their address are removed after this many days.
ACCOUNT_UNVERIFIED_RETENTION_DAYS = env_int("ACCOUNT_UNVERIFIED_RETENTION_DAYS", 14)

# --- Participation --------------------------------------------------------------------------

# (how many, per how many seconds) for each signed-in account; the message names the limit.
PARTICIPATION_RATE_LIMITS = {
    "comment": (env_int("PARTICIPATION_COMMENTS_PER_10_MINUTES", 5), 600),
    "proposal": (env_int("PARTICIPATION_PROPOSALS_PER_DAY", 5), 86400),
    "flag": (env_int("PARTICIPATION_FLAGS_PER_HOUR", 20), 3600),
}
# Moderators get one mail about new flags at most this often.
MODERATION_DIGEST_MINUTES = env_int("MODERATION_DIGEST_MINUTES", 15)

# --- Mail -----------------------------------------------------------------------------------

EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Stadtgespräch Dortmund <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Sent mails are kept this long for support questions, then deleted (personal data).
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 30)

# --- Celery ---------------------------------------------------------------------------------

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
# Without a broker the tasks run in the web process, so that a first run needs no Redis.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Berlin"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when the broker is away: the outbox sweeper
# delivers what could not be enqueued.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "outbox-deliver-pending": {
        "task": "outbox.tasks.deliver_pending",
        "schedule": 120.0,
    },
    "outbox-purge-sent": {
        "task": "outbox.tasks.purge_sent",
        "schedule": crontab(hour=3, minute=10),
    },
    "accounts-purge-unverified": {
        "task": "accounts.tasks.purge_unverified_accounts",
        "schedule": crontab(hour=3, minute=20),
    },
    "participation-notify-moderators": {
        "task": "participation.tasks.notify_moderators",
        "schedule": MODERATION_DIGEST_MINUTES * 60.0,
    },
    "participation-notify-pending": {
        "task": "participation.tasks.notify_pending",
        "schedule": 300.0,
    },
    "konferenzen-expire-unconfirmed": {
        "task": "konferenzen.tasks.expire_unconfirmed",
        "schedule": 900.0,
    },
    "konferenzen-send-reminders": {
        "task": "konferenzen.tasks.send_reminders",
        "schedule": 900.0,
    },
    "konferenzen-send-unfinished-messages": {
        "task": "konferenzen.tasks.send_unfinished_messages",
        "schedule": 300.0,
    },
    "konferenzen-anonymise": {
        "task": "konferenzen.tasks.anonymise_past_conferences",
        "schedule": crontab(hour=3, minute=40),
    },
    "zielbilder-run-waiting-analyses": {
        "task": "zielbilder.tasks.run_waiting_analyses",
        "schedule": 600.0,
    },
    "zielbilder-compile-stuck-papers": {
        "task": "zielbilder.tasks.compile_stuck_papers",
        "schedule": 600.0,
    },
    "zielbilder-announce-pending-decisions": {
        "task": "zielbilder.tasks.announce_pending_decisions",
        "schedule": 600.0,
    },
    "zielbilder-key-figure-reminders": {
        "task": "zielbilder.tasks.send_key_figure_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    "zielbilder-refresh-analyses": {
        "task": "zielbilder.tasks.refresh_analyses",
        "schedule": crontab(hour=2, minute=30),
    },
}

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Stadtgespräch Dortmund")
# The council paper and the OParl endpoint: the city (OParl "Body") and its council.
COUNCIL_BODY_NAME = env_str("COUNCIL_BODY_NAME", "Stadt Dortmund")
COUNCIL_BODY_SHORT_NAME = env_str("COUNCIL_BODY_SHORT_NAME", "Dortmund")
COUNCIL_NAME = env_str("COUNCIL_NAME", "Rat der Stadt Dortmund")
# Amtlicher Gemeindeschlüssel of Dortmund (OParl Body.ags).
COUNCIL_BODY_AGS = env_str("COUNCIL_BODY_AGS", "05913000")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    # Uses PostgreSQL's full-text search on PostgreSQL and a portable fallback elsewhere.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "csv", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
