package servicetrade

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// webhook is an account's notification endpoint (/webhook).
type webhook struct {
	ID                int64
	HookURL           string
	Enabled           bool
	Confirmed         bool
	IncludeChangesets bool
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.webhooks = map[int64]*webhook{}
		mux.HandleFunc("/webhook", s.protected(s.webhookCollection))
		mux.HandleFunc("/webhook/{id}", s.protected(s.webhookItem))
	})
}

func (s *Server) webhookJSON(r *http.Request, wh *webhook) map[string]any {
	return map[string]any{
		"id": wh.ID, "uri": s.uri(r, "webhook", wh.ID), "hookUrl": wh.HookURL,
		"enabled": wh.Enabled, "confirmed": wh.Confirmed, "includeChangesets": wh.IncludeChangesets,
	}
}

// writeBadWebhook is the documented 400 "bad data given", with the
// per-parameter validation messages every ServiceTrade 400 carries.
func writeBadWebhook(w http.ResponseWriter, v map[string][]string) {
	writeInvalid(w, "bad data given", v)
}

func (s *Server) webhookCollection(w http.ResponseWriter, r *http.Request) {
	// PUT and DELETE on the collection: 405, as for every resource.
	s.serveCollection(w, r, collectionVerbs{
		list: func() { writeList(s, w, r, "webhooks", s.webhooks, nil, s.webhookJSON) },
		create: func(fields map[string]json.RawMessage) {
			// Documented defaults: enabled true, includeChangesets false.
			wh := &webhook{Enabled: true}
			v := map[string][]string{}
			if requiredString(fields, v, "hookUrl", true, &wh.HookURL) {
				if msg := checkHookURL(wh.HookURL); msg != "" {
					v["hookUrl"] = append(v["hookUrl"], msg)
				}
			}
			applyWebhookFlags(wh, fields, v)
			if len(v) > 0 {
				writeBadWebhook(w, v)
				return
			}
			wh.ID = s.newID()
			s.webhooks[wh.ID] = wh
			// The create response says "confirmed": false (as documented);
			// confirmation "typically takes place immediately after
			// creation", so it is done right after the response is built:
			// every later read says true. The emulator cannot reach the URL,
			// so it confirms every hook that could plausibly be public (see
			// publiclyReachable).
			out := s.webhookJSON(r, wh)
			wh.Confirmed = publiclyReachable(wh.HookURL)
			writeData(w, out)
		},
	})
}

func (s *Server) webhookItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "webhook")
	if !ok {
		return
	}
	find := func() (*webhook, string) { return s.webhooks[id], "webhook not found" }
	serveObject(s, w, r, find, objectVerbs[webhook]{
		get: func(wh *webhook) { writeData(w, s.webhookJSON(r, wh)) },
		put: func(wh *webhook, fields map[string]json.RawMessage) {
			// PUT is a partial update of enabled and includeChangesets, the
			// only documented PUT parameters. hookUrl is not one of them: the
			// real API most likely ignores it silently, which would let a
			// client believe it had moved the hook. The emulator refuses it
			// with 400 instead, so that a client sending it (the provider
			// must replace the webhook) fails loudly in tests.
			v := map[string][]string{}
			if _, sent := fields["hookUrl"]; sent {
				v["hookUrl"] = append(v["hookUrl"], "hookUrl cannot be changed; create a new webhook instead")
			}
			updated := *wh
			applyWebhookFlags(&updated, fields, v)
			if len(v) > 0 {
				writeBadWebhook(w, v)
				return
			}
			*wh = updated
			writeData(w, s.webhookJSON(r, wh))
		},
		delete: func(wh *webhook) {
			delete(s.webhooks, wh.ID)
			// Documented as 200, not 204.
			writeSuccess(w, fmt.Sprintf("webhook %d deleted", wh.ID))
		},
	})
}

// applyWebhookFlags copies the boolean parameters that are present.
func applyWebhookFlags(wh *webhook, f map[string]json.RawMessage, v map[string][]string) {
	for name, dst := range map[string]*bool{"enabled": &wh.Enabled, "includeChangesets": &wh.IncludeChangesets} {
		raw, ok := f[name]
		if !ok {
			continue
		}
		var b *bool
		if err := json.Unmarshal(raw, &b); err != nil || b == nil {
			v[name] = append(v[name], name+" must be a boolean")
			continue
		}
		*dst = *b
	}
}

// checkHookURL returns why a hook URL is unusable, or "". The docs show
// http:// URLs, so both http and https are accepted.
func checkHookURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "hookUrl must be an absolute http or https URL"
	}
	return ""
}

// publiclyReachable guesses whether ServiceTrade could confirm the hook: the
// docs require a "publically accessible" URL. The emulator does not call it;
// it only refuses to confirm hosts that can never be public (loopback,
// private addresses, localhost and the reserved .invalid domain), which
// gives tests a way to keep a webhook unconfirmed.
func publiclyReachable(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if host == "localhost" || strings.HasSuffix(host, ".invalid") || strings.HasSuffix(host, ".localhost") {
		return false
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast()) {
		return false
	}
	return true
}
