"""Shared by the Python parts of the benchmarks: a signed-in keep-alive session and percentiles."""
import http.client
import re
import time
import urllib.parse


class Session:
    """One keep-alive connection with the session cookie, signed in through the sign-in form."""

    def __init__(self, port, user, password="bench-password"):
        self.conn = http.client.HTTPConnection("localhost", port)
        self.cookies = {}
        page = self.get("/sign-in")
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token})
        status, _ = self.request("POST", "/sign-in", body, {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302, status

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.conn.request(method, path, body, headers)
        response = self.conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, rest = value.split("=", 1)
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data

    def get(self, path):
        status, data = self.request("GET", path)
        assert status == 200, (path, status, data[:300])
        return data.decode()


def timings(session, path, n):
    """Milliseconds for n GETs of the path, sorted."""
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        session.get(path)
        out.append((time.perf_counter() - t0) * 1000)
    out.sort()
    return out


def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * len(values))) - 1)]
