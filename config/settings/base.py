"""Settings shared by every environment.

Everything a deployment changes comes from the environment; every value has an embedded
default so that a first run needs nothing else (SQLite, eager Celery tasks, mail to the
console). See the configuration table in docs/configuration.md.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_rate, env_str
from .storage import object_storage_settings

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
    "strategie",
    "auswertung",
    "zielbilder",
    "ratsvorlage",
    "umsetzung",
    # The editors' translation workflow (English pages): before wagtail.admin, so that its
    # templates for the locales' admin win.
    "wagtail_localize",
    "wagtail_localize.locales",
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
    "allauth.usersessions",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so that static files get the headers too.
    "config.security.ContentSecurityPolicyMiddleware",
    "config.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A lost database connection becomes a "please try again" page (503), not a 500; it
    # wraps every middleware below, since several of them may ask the database.
    "cms.unavailable.DatabaseUnavailable",
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
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database host that does not answer at all (down, or the network drops the packets)
    # must give a visitor the "please try again" page within seconds, not hang the web
    # process until the operating system gives up on the connection after minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
    )
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
            # Several sites (or test runs) on one Redis database keep apart by this.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "stadtgespraech"),
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
# allauth's defaults, written out so that the limits are visible and tested; each can be set
# with ACCOUNT_RATE_LIMIT_<ACTION> in allauth's notation (e.g. ACCOUNT_RATE_LIMIT_SIGNUP=20/m/ip).
# A refused request gets the form again with the message (accounts.views.too_many_requests).
ACCOUNT_RATE_LIMITS = {
    action: env_rate(f"ACCOUNT_RATE_LIMIT_{action.upper()}", default)
    for action, default in {
        "change_password": "5/m/user",
        "manage_email": "10/m/user",
        "reset_password": "20/m/ip,5/m/key",
        "reauthenticate": "10/m/user",
        "reset_password_from_key": "20/m/ip",
        "signup": "20/m/ip",
        "login": "30/m/ip",
        "login_failed": "10/m/ip,5/300s/key",
        "confirm_email": "1/3m/key",
    }.items()
}
# Accounts that never confirmed their address are removed after this many days.
ACCOUNT_UNVERIFIED_RETENTION_DAYS = env_int("ACCOUNT_UNVERIFIED_RETENTION_DAYS", 14)
# Downloads of one's own data per account and hour: each reads everything about the person.
PERSONAL_DATA_DOWNLOADS_PER_HOUR = env_int("PERSONAL_DATA_DOWNLOADS_PER_HOUR", 10)
# A session ends this long after it was last changed (Django's default, written out because
# the privacy page states it and the nightly clean-up applies it).
SESSION_COOKIE_AGE = env_int("SESSION_DAYS", 14) * 24 * 60 * 60
# Every sign-in is kept as a row (device, IP address, browser) for as long as the session,
# so that people see where they are signed in and account deletion ends every session.
# Not updated on every request: that would be a write per page view.
USERSESSIONS_TRACK_ACTIVITY = False

# --- Participation --------------------------------------------------------------------------

# (how many, per how many seconds) for each signed-in account; the message names the limit.
PARTICIPATION_RATE_LIMITS = {
    "comment": (env_int("PARTICIPATION_COMMENTS_PER_10_MINUTES", 5), 600),
    "proposal": (env_int("PARTICIPATION_PROPOSALS_PER_DAY", 5), 86400),
    "flag": (env_int("PARTICIPATION_FLAGS_PER_HOUR", 20), 3600),
    # A burst limit: far above what a person clicks, far below what a script sends.
    "vote": (env_int("PARTICIPATION_VOTES_PER_MINUTE", 60), 60),
}
# Registrations need no account: (how many, per how many seconds) per e-mail address (so
# that nobody's inbox is filled with confirmation links) and per client address.
KONFERENZEN_RATE_LIMITS = {
    "per_address": (env_int("KONFERENZEN_REGISTRATIONS_PER_ADDRESS_PER_HOUR", 5), 3600),
    "per_ip": (env_int("KONFERENZEN_REGISTRATIONS_PER_IP_PER_HOUR", 30), 3600),
}
# "Am umstrittensten" on a theme's results lists only statements with at least this many
# agree and disagree votes: an even split of a handful of votes says little
# (participation.rankings).
PARTICIPATION_CONTROVERSIAL_MIN_VOTES = env_int("PARTICIPATION_CONTROVERSIAL_MIN_VOTES", 10)
# "Größte Einigkeit" and "Größte Spaltung" of the opinion groups take a statement only if every
# group cast at least this many votes on it: "100 % of 3" is no agreement of a group
# (auswertung.opinion_groups).
OPINION_GROUPS_MIN_GROUP_VOTES = env_int("OPINION_GROUPS_MIN_GROUP_VOTES", 5)
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
# delivers what could not be enqueued. A stopped Redis refuses at once (about 0.5 s with
# the retries); one that accepts but never answers (hung, or packets dropped) costs the
# socket timeouts (about 4 s) instead of hanging the request for minutes. The socket
# timeout must stay above the worker's 1-second BRPOP.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "socket_connect_timeout": 2,
    "socket_timeout": 2,
    # A message a worker took but never acknowledged (it was killed) goes back to the
    # queue after this many seconds. Every task here is safe to run twice and has a sweep
    # that finds its unfinished work sooner (see docs/faults.md), so the default stays
    # Celery's hour: a shorter one would hand a task that runs longer, or waits for its
    # retry countdown (up to an hour for mail), to a second worker while the first still
    # holds it.
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
}
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
    "accounts-clear-expired-sessions": {
        "task": "accounts.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=30),
    },
    "participation-notify-moderators": {
        "task": "participation.tasks.notify_moderators",
        "schedule": MODERATION_DIGEST_MINUTES * 60.0,
    },
    "participation-notify-pending": {
        "task": "participation.tasks.notify_pending",
        "schedule": 300.0,
    },
    # participation.theme_figures.PARTICIPANTS_REFRESH_SECONDS
    "participation-count-theme-participants": {
        "task": "participation.tasks.count_theme_participants",
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
    "auswertung-run-waiting-analyses": {
        "task": "auswertung.tasks.run_waiting_analyses",
        "schedule": 600.0,
    },
    "ratsvorlage-compile-stuck-papers": {
        "task": "ratsvorlage.tasks.compile_stuck_papers",
        "schedule": 600.0,
    },
    "ratsvorlage-announce-pending-decisions": {
        "task": "ratsvorlage.tasks.announce_pending_decisions",
        "schedule": 600.0,
    },
    "umsetzung-key-figure-reminders": {
        "task": "umsetzung.tasks.send_key_figure_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    "auswertung-refresh-analyses": {
        "task": "auswertung.tasks.refresh_analyses",
        "schedule": crontab(hour=2, minute=30),
    },
}

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Numbers as people read them: "54.440 Bewertungen", "54,440 votes" in English. What is no
# quantity (ids in addresses and attributes, page numbers, "Nr. 1234") goes through
# `|unlocalize` in the templates; tests/cms/test_numbers_and_dates.py holds both to it.
USE_THOUSAND_SEPARATOR = True
USE_TZ = True

# --- Static files and uploads ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files that only some people may read (every version of the council paper, drafts
# included): served only by a view that checks permissions, never from MEDIA_ROOT, which a
# reverse proxy may serve to everyone.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
# Static files stay in the image and are served by whitenoise from every web process.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-not-served/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# With S3_BUCKET: uploads in an S3-compatible object store (see storage.py).
_object_storage = object_storage_settings(STORAGES["staticfiles"])
if _object_storage:
    STORAGES = _object_storage["STORAGES"]
    WAGTAILIMAGES_RENDITION_STORAGE = _object_storage["WAGTAILIMAGES_RENDITION_STORAGE"]
    WAGTAILDOCS_SERVE_METHOD = _object_storage["WAGTAILDOCS_SERVE_METHOD"]
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
# Page content in German and English: the English tree mirrors the German one (an alias of
# each German page until an editor translates it with wagtail-localize; cms.locales).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    # PostgreSQL's full-text search with German stemming on PostgreSQL ("Radweg" finds
    # "Radwege"), SQLite's FTS5 (whole words) elsewhere. The index keeps the vectors it made,
    # so a change of SEARCH_CONFIG needs `manage.py update_index` (see cms.signals).
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"},
}
# The site search keeps a rendered results page this many seconds (cms.search.caching);
# 0 keeps none. What leaves the public eye leaves the kept results at once.
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 60)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# SVG for the themes' pictograms; pages show renditions with `preserve-svg`, so that an SVG
# stays a vector (Wagtail cannot rasterise it). deploy/nginx.conf serves SVG renditions with
# a sandboxing Content-Security-Policy, should an upload carry a script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
# mp4, webm and vtt: the video in German Sign Language on the home page and its captions
# (cms.blocks.SignLanguageVideoBlock), served from the site itself.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "odt",
    "ods",
    "pptx",
    "csv",
    "txt",
    "mp4",
    "webm",
    "vtt",
]
# Served for the page to play, not as a download (Wagtail's default: PDF and text only).
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: they would send a hash of every editor's address to a third
# party and need an exception in the admin's Content-Security-Policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- Security headers ---------------------------------------------------------------------
# In every environment, so that what is tested and developed is what production sends;
# production adds HSTS, the HTTPS redirect and Secure cookies (production.py). See
# docs/security.md.

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Uploaded images served from another origin (S3-compatible storage, a CDN): its origins,
# e.g. "https://bucket.s3.example.org", are allowed as image sources.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS", [])
# The public site: no inline script, no eval, no inline style (not even style attributes:
# the vote bar and the charts are SVG with presentation attributes), nothing from elsewhere.
# data: images only for KERN's icons, which its stylesheet embeds as data: SVGs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *CSP_MEDIA_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (everything under ADMIN_URL_PREFIX): Wagtail 8 writes inline <script>
# elements with per-field data (date pickers, inline panels, choosers) and offers no nonce,
# and its widgets set style attributes; everything else stays as strict as the public site.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Previews of uploaded images before they are saved.
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
        # The preview panel shows the page in a same-origin frame.
        "frame-src": [SELF],
    }
}
# Browser features no page needs are switched off; the check-in page allows the camera for
# itself (`config.security.allow_features`).
PERMISSIONS_POLICY = {
    "accelerometer": "",
    "camera": "",
    "display-capture": "",
    "geolocation": "",
    "gyroscope": "",
    "hid": "",
    "magnetometer": "",
    "microphone": "",
    "midi": "",
    "payment": "",
    "serial": "",
    "usb": "",
    "xr-spatial-tracking": "",
}

# Behind a reverse proxy the client's address is in X-Forwarded-For: allauth's rate limits
# and ours (config.ratelimit.client_ip) read it the same way. Set the number of proxies in
# front of the web processes that append to it (usually 1), or the header a proxy sets.
# 0, the default, trusts no header and uses the address of the connection.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "") or None

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs its index and reference updates as django-tasks, immediately; each one
        # would log two lines (thousands while the demo is loaded). Failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}
