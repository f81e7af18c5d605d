package kimoby

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/emu"
)

type webhook struct {
	ID        string
	URL       string
	Key       string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("GET /webhooks", s.listWebhooks)
		mux.HandleFunc("POST /webhooks", s.createWebhook)
		mux.HandleFunc("PUT /webhooks/{id}", s.updateWebhook)
		mux.HandleFunc("DELETE /webhooks/{id}", s.deleteWebhook)
		// GET /webhooks/:id is not documented: the reference lists create,
		// list, update and delete only, and says nothing of retrieving one
		// webhook. It answers 404 like any unknown route, so that a client
		// relying on it fails here as it would against the real API, rather
		// than passing against a friendlier emulator.
	})
}

// newWebhookID returns "WH" and 32 hex digits, the shape of the documented
// example "WH487d9d59d5511879e2eda871b5cac50c".
func newWebhookID() string { return "WH" + emu.RandomHex(16) }

// webhookJSON renders the webhook schema; the key is included only in the
// answer to a creation ("Only returned at creation").
func webhookJSON(wh *webhook, withKey bool) map[string]any {
	out := map[string]any{
		"id":         wh.ID,
		"url":        wh.URL,
		"created_at": timestamp(wh.CreatedAt),
		"updated_at": timestamp(wh.UpdatedAt),
	}
	if withKey {
		out["authentication_key"] = wh.Key
	}
	return out
}

// decodeURL reads {"url": "…"} and checks it. present is false when the body
// has no url at all.
func decodeURL(w http.ResponseWriter, r *http.Request) (u string, present, ok bool) {
	var body map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "Malformed JSON body: "+err.Error())
		return "", false, false
	}
	raw, present := body["url"]
	if !present {
		return "", false, true
	}
	if err := json.Unmarshal(raw, &u); err != nil {
		writeError(w, http.StatusBadRequest, "url must be a string")
		return "", true, false
	}
	if msg := checkURL(u); msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return "", true, false
	}
	return u, true, true
}

// checkURL applies "The schema of the url must be HTTPS". The docs state it
// for creation; the update is held to the same rule, which is the plausible
// reading of one model validation.
func checkURL(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return "url can't be blank"
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Sprintf("url %q is not a valid URL", raw)
	}
	if !strings.EqualFold(u.Scheme, "https") {
		return fmt.Sprintf("url %q is invalid: the schema of the url must be HTTPS", raw)
	}
	return ""
}

func (s *Server) createWebhook(w http.ResponseWriter, r *http.Request) {
	u, present, ok := decodeURL(w, r)
	if !ok {
		return
	}
	if !present {
		writeError(w, http.StatusBadRequest, "url can't be blank")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.now()
	// Several webhooks may share a url: the docs state no uniqueness rule.
	wh := &webhook{ID: newWebhookID(), URL: u, Key: randomString(alphanumerics, 40), CreatedAt: t, UpdatedAt: t}
	s.keys = append(s.keys, wh.Key)
	s.webhooks[wh.ID] = wh
	s.order = append(s.order, wh.ID)
	// The webhook section does not name the status; the code table's
	// "201 Created" is the plausible one.
	emu.WriteJSON(w, http.StatusCreated, webhookJSON(wh, true))
}

// listWebhooks serves the bare array, in creation order: in the paged mode
// cut by page and per_page (a page past the end is an empty array); in the
// unpaged mode whole, whatever the query says.
func (s *Server) listWebhooks(w http.ResponseWriter, r *http.Request) {
	if s.WebhookListMode() == WebhookListUnpaged {
		s.serveWebhooks(w, 0, -1)
		return
	}
	q := r.URL.Query()
	page, perPage := 1, s.opts.PerPage
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, "page must be an integer greater than 0")
			return
		}
		page = n
	}
	if v := q.Get("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxPerPage {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("per_page must be an integer greater than 0 and less or equals to %d", MaxPerPage))
			return
		}
		perPage = n
	}
	s.serveWebhooks(w, (page-1)*perPage, perPage)
}

// serveWebhooks answers with up to limit webhooks (all when limit < 0) from
// position start of the creation order.
func (s *Server) serveWebhooks(w http.ResponseWriter, start, limit int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.WebhookListPages++
	start = min(start, len(s.order))
	end := len(s.order)
	if limit >= 0 {
		end = min(start+limit, end)
	}
	out := []map[string]any{}
	for _, id := range s.order[start:end] {
		out = append(out, webhookJSON(s.webhooks[id], false))
	}
	emu.WriteJSON(w, http.StatusOK, out)
}

// updateWebhook changes the url only ("You can only update the url
// attribute"); other members of the body are ignored. updated_at moves only
// when the url really changes, as a Rails model does not touch an unchanged
// record; the docs are silent.
func (s *Server) updateWebhook(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	u, present, ok := decodeURL(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	wh := s.webhooks[id]
	if wh == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("Webhook %s not found", id))
		return
	}
	if present && u != wh.URL {
		wh.URL = u
		wh.UpdatedAt = s.now()
	}
	emu.WriteJSON(w, http.StatusOK, webhookJSON(wh, false))
}

// deleteWebhook answers 204 with an empty body ("otherwise nothing is
// returned").
func (s *Server) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.Gone(id) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("Webhook %s not found", id))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Gone deletes a webhook behind the client's back, as Kimoby does when a
// delivery is answered with 410 Gone ("A status 410 Gone will delete the
// webhook"). It reports whether the webhook existed.
func (s *Server) Gone(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.webhooks[id]; !ok {
		return false
	}
	delete(s.webhooks, id)
	s.order = slices.DeleteFunc(s.order, func(x string) bool { return x == id })
	return true
}

// WebhookCount is how many webhooks exist.
func (s *Server) WebhookCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.webhooks)
}
