"""Settings shared by every environment.

Secure by default: DEBUG is off, and secrets and hosts come only from the environment. Every
variable the project reads is declared once, with its type and default, in ``env`` below and
documented in the README's configuration table. Services switch on when their variable exists
(DATABASE_URL, ELASTICSEARCH_URL, REDIS_URL, AWS_STORAGE_BUCKET_NAME); without them the site
runs on embedded defaults (SQLite, Wagtail's database search, local-memory cache, local media).
"""

from datetime import timedelta
from pathlib import Path

import environ

# site/config/settings/base.py -> the repository root is three folders up from settings/.
PROJECT_DIR = Path(__file__).resolve().parents[2]  # site/
BASE_DIR = PROJECT_DIR.parent  # repository root

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    DATABASE_CONN_MAX_AGE=(int, 60),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "artsbackpack_"),
    REDIS_URL=(str, ""),
    SINGLE_PROCESS_SERVER=(bool, False),
    PAGE_CACHE_ENABLED=(bool, True),
    PAGE_CACHE_SECONDS=(int, 600),
    PAGE_CACHE_BROWSER_SECONDS=(int, 60),
    PAGE_CACHE_SHARED_SECONDS=(int, 600),
    PAGE_CACHE_STALE_SECONDS=(int, 60),
    FRAGMENT_CACHE_SECONDS=(int, -1),
    FRONTEND_CACHE_VARNISH_URL=(str, ""),
    FRONTEND_CACHE_CLOUDFLARE_TOKEN=(str, ""),
    FRONTEND_CACHE_CLOUDFLARE_ZONEID=(str, ""),
    FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID=(str, ""),
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_S3_CUSTOM_DOMAIN=(str, ""),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    SHOWCASE_PRIVATE_ROOT=(str, str(BASE_DIR / "private")),
    SERVE_MEDIA=(bool, False),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Arts Backpack <no-reply@artsbackpack.org.uk>"),
    SECURE_HSTS_SECONDS=(int, 31536000),
    FORM_SUBMISSION_RATE=(str, "5/10m"),
    SAFEGUARDING_EMAILS=(list, []),
    TRUSTED_PROXY_COUNT=(int, 0),
    SEARCH_HIT_SAMPLE=(int, 10),
    LOGIN_FAILURE_LIMIT=(int, 10),
    LOGIN_COOLOFF_MINUTES=(int, 30),
    LOG_LEVEL=(str, "INFO"),
    ENGLAND_HOSTNAME=(str, "localhost"),
    WALES_HOSTNAME=(str, "wales.localhost"),
    SCOTLAND_HOSTNAME=(str, "scotland.localhost"),
    NORTHERN_IRELAND_HOSTNAME=(str, "northern-ireland.localhost"),
    SITE_PORT=(int, 80),
    SITE_SCHEME=(str, "http"),
    OPENDATA_THROTTLE_RATE=(str, "120/minute"),
    OPENDATA_CACHE_SECONDS=(int, 60),
    OPENDATA_CONTACT_EMAIL=(str, "opendata@artsbackpack.org.uk"),
)
# A local .env file is a convenience for development; real deployments set the environment.
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries'.
    "core",
    "regions",
    "places",
    "home",
    "directory",
    "stories",
    "showcase",
    "backpack",
    "insights",
    "search",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_ratelimit",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: /healthz answers before host checks and HTTPS redirects (a load balancer probes it
    # by IP over HTTP), and a database outage becomes a static 503 page (core/health.py).
    "core.health.DatabaseHealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (strict; relaxed for the admin beyond sign-in) and
    # Permissions-Policy on every response (core/security_headers.py).
    "core.security_headers.PermissionsPolicyMiddleware",
    "core.security_headers.SiteCSPMiddleware",
    # Access-Control-Allow-Origin: * on everything under /api/ (the open data), whatever
    # answers it: a view, a 404, a 429 (opendata/cors.py).
    "opendata.cors.OpenDataCORSMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache (core/cache.py): a stored page is answered here, with no database query,
    # after the security headers (added to every answer) and before anything that reads the
    # database; it sees the cookies sessions, CSRF and messages set on the way out. It stores
    # what the compression below leaves (keyed by the encodings the browser accepts), so a
    # stored page is sent compressed without compressing it again.
    "core.cache.PageCacheMiddleware",
    # gzip for pages, feeds and JSON (core/compression.py says why it is safe from BREACH). After
    # WhiteNoise, which answers static files itself with the precompressed files, and before
    # every middleware that reads or writes the body, so it compresses what they leave.
    "core.compression.TextGZipMiddleware",
    # Page links follow the request's scheme, host and port (core/urls.py).
    "core.urls.SiteRootUrlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "regions.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address are refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
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

# --- Database: SQLite by default, PostgreSQL (or any Django URL) through DATABASE_URL. ---
DATABASES = {"default": env.db_url("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) by default, through
# search/backends/database.py, which on PostgreSQL gives each language its own text search
# configuration (SEARCH_CONFIG_BY_LANGUAGE, below) and on SQLite only changes how results are
# ranked (an upstream gap); ELASTICSEARCH_URL switches to Wagtail's Elasticsearch 9 backend with
# no code change. Degrade, never fail: the database index is kept up to date beside
# Elasticsearch, and a search Elasticsearch cannot answer is logged and answered from it
# (search/backends/fallback.py). ---
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": "wagtail.search.backends.elasticsearch9",
            "FALLBACK": "database",
            "FAILURE_PAUSE": 30,  # seconds to leave Elasticsearch alone after a failure
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX"),
            "TIMEOUT": 10,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        },
        "database": {"BACKEND": "search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# --- Cache: per-process memory by default; REDIS_URL shares it between processes. A cache that
# fails means uncached: core/resilient_cache.py turns a Redis error into a logged cache miss
# (Wagtail's own site-root lookup included) and keeps rate-limit counters per process until
# Redis is back. Short socket timeouts so an unreachable Redis costs milliseconds, not seconds.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "artsbackpack",
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1,
                "FAILURE_PAUSE": 5,  # seconds to leave Redis alone after an error
            },
        }
    }
    # django-ratelimit lists only the memcached and django-redis backends as supported; Django's
    # own RedisCache (which this wraps) is shared between workers and increments atomically,
    # which is what the warning is about.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
else:
    # Each process's own memory. The page cache keeps pages here too, so room for more than
    # Django's default 300 entries (a culled page is only rendered again).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }
    # django-ratelimit warns that a per-process cache gives each worker its own counter. That
    # is still a limit (a worker's share of it), and REDIS_URL makes it exact; say so rather
    # than fail the system checks on a machine that has no Redis.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Whether every process serving the site sees the same cache. The page cache and the site cache
# (core/cache.py, core/site_cache.py) keep answers between requests and drop them when content
# changes; a change made in one process (an editor's publish, a family's withdrawal, scheduled
# publishing run from cron) must reach every other at once. Redis is shared; per-process memory
# is only when the site runs as one process (`make run`; one gunicorn worker with threads):
# SINGLE_PROCESS_SERVER says so. Otherwise both caches stay off and every page is read afresh.
CACHE_SHARED_BY_ALL_PROCESSES = bool(REDIS_URL) or env("SINGLE_PROCESS_SERVER")

# --- Page cache (core/cache.py; the README's "Caching" section): anonymous public pages kept in
# the cache above for PAGE_CACHE_SECONDS (purged on every content or consent change), sent with
# "Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS, s-maxage=PAGE_CACHE_SHARED_SECONDS,
# stale-while-revalidate=PAGE_CACHE_STALE_SECONDS". Browsers are never purged, so their time is
# short; a CDN is purged through the front-end cache below. ---
PAGE_CACHE_ENABLED = env("PAGE_CACHE_ENABLED")
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
PAGE_CACHE_BROWSER_SECONDS = env("PAGE_CACHE_BROWSER_SECONDS")
PAGE_CACHE_SHARED_SECONDS = env("PAGE_CACHE_SHARED_SECONDS")
PAGE_CACHE_STALE_SECONDS = env("PAGE_CACHE_STALE_SECONDS")
# Kept fragments (core/fragments.py): the parts of a page every visitor sees alike, kept rendered
# for the site generation and at most this long (by default the page cache's own time, which
# bounds what changes with the clock alone, such as an activity's next date); 0 turns them off.
# They serve those the page cache cannot: visitors with a session (a teacher's saved list),
# signed-in editors, pages with forms, and every page once its stored copy has run out.
FRAGMENT_CACHE_SECONDS = (
    env("FRAGMENT_CACHE_SECONDS") if env("FRAGMENT_CACHE_SECONDS") >= 0 else PAGE_CACHE_SECONDS
)

# --- Front-end cache purges (wagtail.contrib.frontend_cache's backends, called by core/cache.py
# with the URLs each change concerns): off unless one of these is set. Varnish (or any proxy
# answering PURGE requests) by its URL; Cloudflare by an API token and zone; CloudFront by
# distribution (AWS credentials from the usual variables). ---
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_VARNISH_URL"),
    }
if env("FRONTEND_CACHE_CLOUDFLARE_TOKEN") and env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
if env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
# core/cache.py sends each page in every language itself (translations are pages with their own
# addresses, English without a prefix), so Wagtail must not rewrite prefixes on its own.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Files: local media by default; an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set
# (credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables). ---
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"
# Let Django itself serve uploaded files from MEDIA_ROOT: right for development and small
# single-server installs; leave off when S3 or the web server serves /media/.
SERVE_MEDIA = env("SERVE_MEDIA")
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Children's artwork (cleaned originals and their renditions) lives here, never under
# MEDIA_ROOT or in the media bucket: nothing serves this folder; the showcase's own view hands
# out a rendition only while its work is publicly visible (a system check keeps it apart).
SHOWCASE_PRIVATE_ROOT = env("SHOWCASE_PRIVATE_ROOT")
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# --- Content-Security-Policy (django-csp 4), the same in every environment so a violation shows
# while developing. Public pages, previews and the admin sign-in page: nothing inline at all
# (the site's templates have no inline script, style element or style attribute; JSON-LD is a
# data block, which CSP does not govern), no third party except the video players a reader
# starts by pressing play, no framing, forms only to this site, no <base>. Images and media
# also from the media bucket when one is configured. ---
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
if AWS_STORAGE_BUCKET_NAME:
    if env("AWS_S3_CUSTOM_DOMAIN"):
        MEDIA_ORIGINS = [f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"]
    elif env("AWS_S3_ENDPOINT_URL"):
        MEDIA_ORIGINS = [env("AWS_S3_ENDPOINT_URL").rstrip("/")]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
else:
    MEDIA_ORIGINS = []
CSP_REPORT_PATH = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": ["'none'"],
        "worker-src": ["'none'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "report-uri": CSP_REPORT_PATH,
    },
}
# The Wagtail admin beyond its sign-in page (wagtail/wagtail#1288 is open): its templates and
# widgets still write inline <script> blocks (page editor set-up, chooser modals, Draftail and
# StreamField initialisation) and style attributes (progress bars, colour swatches, image
# focal points, modal positioning), so 'unsafe-inline' for scripts and styles, there only.
# Nothing else is relaxed except what admin screens load: blob: images (image upload previews)
# and the page preview panel, a frame on this site. Still no eval, no third-party scripts, no
# framing of the admin by anyone. Previews keep the strict policy, framed only by this site.
ADMIN_CONTENT_SECURITY_POLICY_RELAXED = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "frame-src": ["'self'", *VIDEO_PLAYER_ORIGINS],
    "worker-src": ["'self'", "blob:"],
}
# Browser features the site never uses are off for it and for any frame in it; the video
# players (started by the reader) may autoplay, go full screen and picture-in-picture.
_PLAYERS = ["self", *(f'"{origin}"' for origin in VIDEO_PLAYER_ORIGINS)]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _PLAYERS,
    "camera": [],
    "display-capture": [],
    "encrypted-media": _PLAYERS,
    "fullscreen": _PLAYERS,
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _PLAYERS,
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# The admin makes no third-party requests: no avatars from Gravatar, and no check for new
# Wagtail releases from the dashboard (the admin's connect-src is 'self'; upgrades are ours).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Languages: the four languages of the regional sites. English is served without a prefix,
# the others under /cy/, /gd/, /ga/. ---
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("cy", "Cymraeg"),
    ("gd", "Gàidhlig"),
    ("ga", "Gaeilge"),
]
# The regional sites' hostnames (regions/regions.py); `manage.py sync_regional_sites` writes them
# to Wagtail's Site records. SITE_PORT is the port the public sites are reached on (80 behind a
# proxy; 8000 for `make run`), so absolute links between the sites are right.
REGIONAL_SITE_HOSTNAMES = {
    "england": env("ENGLAND_HOSTNAME"),
    "wales": env("WALES_HOSTNAME"),
    "scotland": env("SCOTLAND_HOSTNAME"),
    "northern-ireland": env("NORTHERN_IRELAND_HOSTNAME"),
}
SITE_PORT = env("SITE_PORT")
# The scheme of absolute links made without a request (commands, emails). With a request, the
# request's own scheme is used (core/urls.py), so HTTPS behind a proxy needs no setting.
SITE_SCHEME = env("SITE_SCHEME")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# PostgreSQL full-text search: the text search configuration each language's pages are indexed
# and searched with (search/backends/postgres_language.py). PostgreSQL has no Welsh or Gaelic
# stemmer, so those get 'simple' (whole words, lower-cased), as does any language not listed.
SEARCH_CONFIG_BY_LANGUAGE = {"en": "english", "cy": "simple", "gd": "simple", "ga": "irish"}
LOCALE_PATHS = [BASE_DIR / "locale"]
# British date, time and number formats (Django's "en" ones are American): site/config/formats.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail ---
WAGTAIL_SITE_NAME = "Arts Backpack"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Email ---
_EMAIL = env.email_url("EMAIL_URL")
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = _EMAIL.get("EMAIL_HOST", "")
EMAIL_PORT = _EMAIL.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _EMAIL.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Sign-up form abuse protection (django-ratelimit rate syntax: count/period). ---
FORM_SUBMISSION_RATE = env("FORM_SUBMISSION_RATE")
# Who is told of a family's withdrawal request (showcase/withdrawals.py); empty means every
# member of the "Safeguarding reviewers" group with an email address.
SAFEGUARDING_EMAILS = env("SAFEGUARDING_EMAILS")

# --- Site search statistics (the editors' "Popular search terms" report): an anonymous search
# is counted only when it found something, and then one in SEARCH_HIT_SAMPLE (1 counts every
# one); signed-in users' searches always count (search/views.py, record_hit). ---
SEARCH_HIT_SAMPLE = env("SEARCH_HIT_SAMPLE")

# --- The client's address behind a reverse proxy: how many proxies in front of the site append
# to X-Forwarded-For. 0 (the default) never reads the header, so a client cannot forge its
# address; set it to the number of proxies (1 for one nginx or load balancer). One rule,
# core/client_ip.py, serves the rate limits and the admin lockout. ---
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
RATELIMIT_IP_META_KEY = "core.client_ip.client_ip"

# --- Admin sign-in lockout (django-axes): LOGIN_FAILURE_LIMIT wrong passwords for one username
# from one client address lock that pair out for LOGIN_COOLOFF_MINUTES (each further attempt
# while locked restarts the wait). Other people, and the same person elsewhere, can still sign
# in. Attempts are kept in the database, so every worker agrees and a Redis outage changes
# nothing; `manage.py axes_reset_username <name>` unlocks early. ---
AXES_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=env("LOGIN_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True

# --- The open-data API (opendata/): read-only, open to everyone, no keys and no sessions (so no
# CSRF and no cookies); JSON only; described by one OpenAPI 3 document at /api/openapi.json. ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# The open-data API's limit per client address (DRF's "number/second|minute|hour|day"), shared
# by every /api/ view, and how long a consumer or proxy may keep a response before asking again
# (opendata/throttling.py, opendata/caching.py).
OPENDATA_THROTTLE_RATE = env("OPENDATA_THROTTLE_RATE")
OPENDATA_CACHE_SECONDS = env("OPENDATA_CACHE_SECONDS")
# Who answers questions about the open data: shown on /api/ and the OpenActive dataset page,
# and the publisher's email in the dataset's JSON-LD.
OPENDATA_CONTACT_EMAIL = env("OPENDATA_CONTACT_EMAIL")
SPECTACULAR_SETTINGS = {
    "TITLE": "Arts Backpack open data",
    "DESCRIPTION": (
        "The Arts Backpack activity directory as an Open Referral UK read API and OpenActive "
        "feeds. Read-only and open to all."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "PREPROCESSING_HOOKS": ["opendata.schema.only_open_data"],
    # Locations and addresses share HSDS's three types: one named enum for both.
    "ENUM_NAME_OVERRIDES": {"LocationTypeEnum": "opendata.openreferral.serializers.PLACE_TYPES"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    # Background tasks (search indexing, reference index) log every run at INFO; only problems
    # are worth a line in the console.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes announces itself at INFO on every start; lockouts are WARNING.
        "axes": {"level": "WARNING"},
        # The Elasticsearch client logs every retry with a traceback; the search fallback
        # (search/backends/fallback.py) logs an outage once, and errors still show.
        "elastic_transport": {"level": "ERROR"},
    },
}

# The class backpack's retention (backpack_retention, run daily): a booking request's contact
# details (name, email, phone) are erased this many days after the experience's date (or after
# the request, when it named no date), and a backpack nobody has opened to change for this many
# days is deleted with its plan.
BACKPACK_REQUEST_CONTACT_DAYS = env.int("BACKPACK_REQUEST_CONTACT_DAYS", default=180)
BACKPACK_IDLE_DAYS = env.int("BACKPACK_IDLE_DAYS", default=730)

# Insights: how long a directory search stays in the search log (insights_prune, run daily).
INSIGHTS_SEARCH_LOG_MONTHS = env.int("INSIGHTS_SEARCH_LOG_MONTHS", default=24)
