"""``Access-Control-Allow-Origin: *`` on every response under /api/.

The open data is public and read without credentials, so any web page may read it from the
browser (a council's family-hub map, a school portal). A middleware rather than a view mixin,
so 404s for unknown addresses, 429s and error pages under /api/ carry it too; nothing else on
the site does.
"""

API_PREFIX = "/api/"


class OpenDataCORSMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            response["Access-Control-Allow-Origin"] = "*"
            # Conditional requests from a browser need to read these back.
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
            if request.method == "OPTIONS":
                # A browser's preflight for a conditional GET (If-None-Match is not one of
                # the headers CORS lets through unasked).
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
                response["Access-Control-Max-Age"] = "86400"
        return response
