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
	writeJSON(w, http.StatusBadRequest, map[string]any{"messages": messages{
		Error:      []string{"bad data given"},
		Validation: v,
	}})
}

func (s *Server) webhookCollection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		out := make([]map[string]any, 0, len(s.webhooks))
		for _, id := range sortedKeys(s.webhooks) {
			out = append(out, s.webhookJSON(r, s.webhooks[id]))
		}
		s.mu.Unlock()
		writeData(w, page(s, r, "webhooks", out, 0))
	case http.MethodPost:
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		// Documented defaults: enabled true, includeChangesets false.
		wh := &webhook{Enabled: true}
		v := map[string][]string{}
		var hookURL string
		if err := json.Unmarshal(fields["hookUrl"], &hookURL); err != nil || strings.TrimSpace(hookURL) == "" {
			v["hookUrl"] = append(v["hookUrl"], "hookUrl is required")
		} else if msg := checkHookURL(hookURL); msg != "" {
			v["hookUrl"] = append(v["hookUrl"], msg)
		}
		wh.HookURL = hookURL
		applyWebhookFlags(wh, fields, v)
		if len(v) > 0 {
			writeBadWebhook(w, v)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		wh.ID = s.newID()
		s.webhooks[wh.ID] = wh
		// The create response says "confirmed": false (as documented);
		// confirmation "typically takes place immediately after creation",
		// so it is done right after the response is built: every later read
		// says true. The emulator cannot reach the URL, so it confirms every
		// hook that could plausibly be public (see publiclyReachable).
		out := s.webhookJSON(r, wh)
		wh.Confirmed = publiclyReachable(wh.HookURL)
		writeData(w, out)
	default:
		// PUT and DELETE on the collection: 405, as for every resource.
		s.methodNotAllowed(w, r)
	}
}

func (s *Server) webhookItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "webhook")
	if !ok {
		return
	}
	var fields map[string]json.RawMessage
	if r.Method == http.MethodPut {
		if fields, ok = decodeBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	wh := s.webhooks[id]
	if wh == nil && (r.Method == http.MethodGet || r.Method == http.MethodPut || r.Method == http.MethodDelete) {
		writeError(w, http.StatusNotFound, "webhook not found")
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeData(w, s.webhookJSON(r, wh))
	case http.MethodPut:
		// PUT is a partial update of enabled and includeChangesets, the only
		// documented PUT parameters. hookUrl is not one of them: the real API
		// most likely ignores it silently, which would let a client believe
		// it had moved the hook. The emulator refuses it with 400 instead, so
		// that a client sending it (the provider must replace the webhook)
		// fails loudly in tests.
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
	case http.MethodDelete:
		delete(s.webhooks, id)
		// Documented as 200, not 204.
		writeSuccess(w, http.StatusOK, fmt.Sprintf("webhook %d deleted", id))
	default:
		s.methodNotAllowed(w, r)
	}
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
