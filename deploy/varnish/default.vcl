# Varnish in front of the app servers (Debian's varnish 7.1).
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,512m
# TLS ends before Varnish (hitch, nginx or the load balancer), which sets
# X-Forwarded-Proto: https. bench/scale.sh runs this shape on one machine.
vcl 4.1;

import directors;

# Each app server is taken out of rotation while /healthz fails (it answers 503 when its
# database is down) and put back when it answers again.
probe healthz {
    .url = "/healthz";
    .timeout = 2s;
    .interval = 2s;
    .window = 5;
    .threshold = 3;
}

backend app1 { .host = "10.0.0.11"; .port = "8000"; .probe = healthz; .connect_timeout = 1s; }
backend app2 { .host = "10.0.0.12"; .port = "8000"; .probe = healthz; .connect_timeout = 1s; }

# Only the app servers (which purge on publish) may PURGE.
acl purgers {
    "10.0.0.11";
    "10.0.0.12";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Wagtail's HTTP backend sends each page's address. The ban drops it with every
        # query string (filtered and paginated lists, feeds per audience), on its host.
        ban("obj.http.x-host == " + req.http.host +
            " && obj.http.x-url ~ ^" + regsub(req.url, "[?].*$", "") + "([?]|$)");
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);  # reports, quiz answers, the status page: never cached
    }
    # The admin, documents (privacy checked per request) and the health check: never cached.
    if (req.url ~ "^/(admin|documents|healthz)(/|$)") {
        return (pass);
    }
    # Editors (logged in) see pages as they are; everyone else shares the cache. Other
    # cookies (the CSRF cookie) are not sent to the backend: a form page answers with a
    # fresh token and a Set-Cookie, and such answers are never cached (built-in VCL).
    if (req.http.Cookie ~ "(^|; )sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    unset req.http.Authorization;
}

sub vcl_backend_error {
    # An app server that went away before the probe noticed: a page load (never a form
    # sent) is tried once more on the next one.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_backend_response {
    # Kept with the object so that bans (purges) are checked by the ban lurker.
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.status >= 500) {
        set beresp.uncacheable = true;  # a 503 "Back in a moment" is never kept
        set beresp.ttl = 0s;
        return (deliver);
    }
    # While every app server is down, the last good copy is served for up to an hour.
    set beresp.grace = 1h;
    # A page that says what is open now asks never to be served past its max-age
    # (must-revalidate): no grace, or a stale "open now" would be served while Varnish
    # fetches the new copy.
    if (beresp.http.Cache-Control ~ "must-revalidate") {
        set beresp.grace = 0s;
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
}
