"""A real HTTP server on loopback that fails the first N requests, then succeeds.

Usage: flaky_server.py PORT FAILURES STATUS
The failures answer STATUS with an AWS query-protocol error body (`Throttling` for 400/429,
`ServiceUnavailable` otherwise); later requests answer 200 with a small XML body. Every
request's number is echoed in the `X-Attempt` header. The server stops after 60 seconds.
"""
import http.server
import sys
import threading

port, failures, status = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        count += 1
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if count <= failures:
            code = "Throttling" if status in (400, 429) else "ServiceUnavailable"
            body = f"<ErrorResponse><Error><Code>{code}</Code><Message>slow down</Message></Error><RequestId>r{count}</RequestId></ErrorResponse>"
            self.send_response(status)
        else:
            body = f"<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
            self.send_response(200)
        self.send_header("X-Attempt", str(count))
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", port), Handler)
threading.Timer(60, server.shutdown).start()
print("ready", flush=True)
server.serve_forever()
