# Minimal Kakao fake for writing the v1 upgrade fixture: one code, one account.
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs
KAKAO_ID = 4362956124
class H(BaseHTTPRequestHandler):
    def _json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(n).decode()).items()}
        if self.path == "/oauth/token" and form.get("code") == "upgrade-fixture-code":
            self._json(200, {"token_type": "bearer", "access_token": "kat-upgrade-fixture", "expires_in": 21599,
                             "refresh_token": "r" * 40, "refresh_token_expires_in": 5183999, "scope": "account_email profile_nickname"})
        else:
            self._json(400, {"error": "invalid_grant", "error_code": "KOE320"})
    def do_GET(self):
        if self.path == "/v2/user/me" and self.headers.get("Authorization") == "Bearer kat-upgrade-fixture":
            self._json(200, {"id": KAKAO_ID, "connected_at": "2025-07-30T08:51:33Z",
                             "properties": {"nickname": "upgrade fixture"},
                             "kakao_account": {"profile": {"nickname": "upgrade fixture"}, "has_email": True,
                                               "is_email_valid": True, "is_email_verified": True,
                                               "email": "upgrade@kakao.example"}})
        else:
            self._json(401, {"msg": "this access token does not exist", "code": -401})
    def log_message(self, *a):
        pass
HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
