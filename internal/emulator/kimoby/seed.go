package kimoby

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// The Kimoby section of a seed file (see cmd/fieldservice-emulator/SEED.md):
//
//	kimoby:
//	  webhooks:
//	    - id: WH487d9d59d5511879e2eda871b5cac50c    # optional: a fresh id
//	      url: https://hooks.example.com/kimoby     # required, HTTPS
//	      authentication_key: 0123...               # optional: a fresh key
//	      created_at: "2024-01-02T15:04:05+00:00"   # optional: the load time
//	      updated_at: "2024-01-02T15:04:05+00:00"   # optional: created_at
//
// Fields are the webhook's as the API shows them (snake_case);
// authentication_key is shown by the API at creation only, and is in the
// seed and the dump so that a dump loaded again keeps every webhook's key
// (the key signs deliveries; a receiver configured with it keeps working).
type seedSection struct {
	Webhooks []json.RawMessage `json:"webhooks"`
}

type seedWebhook struct {
	ID                string `json:"id,omitempty"`
	URL               string `json:"url"`
	AuthenticationKey string `json:"authentication_key,omitempty"`
	CreatedAt         string `json:"created_at,omitempty"`
	UpdatedAt         string `json:"updated_at,omitempty"`
}

// dumpSection is what Dump writes: every member always present.
type dumpSection struct {
	Webhooks []dumpWebhook `json:"webhooks"`
}

type dumpWebhook struct {
	ID                string `json:"id"`
	URL               string `json:"url"`
	AuthenticationKey string `json:"authentication_key"`
	CreatedAt         string `json:"created_at"`
	UpdatedAt         string `json:"updated_at"`
}

// NewSeeded returns an emulator holding what section, the kimoby member of
// a seed file, says: nil is the built-in seed (no webhooks), as New. The
// error lists every invalid entry, one per line (see seedfile.Errors).
//
// The webhooks are listed in the order the section gives them (the list
// order of GET /webhooks is creation order).
func NewSeeded(opts Options, section json.RawMessage) (*Server, error) {
	s := New(opts)
	if section == nil {
		return s, nil
	}
	var errs seedfile.Errors
	sec, ok := seedfile.Decode[seedSection](section, seedfile.Kimoby, &errs)
	if !ok {
		return nil, errs.Err()
	}
	type loaded struct {
		wh   *webhook
		path string
	}
	var hooks []loaded
	byID := map[string]string{} // id -> path of the entry that gave it
	loadTime := time.Now().UTC().Truncate(time.Second)
	var latest time.Time
	for i, raw := range sec.Webhooks {
		path := seedfile.Path(seedfile.Kimoby+".webhooks", i)
		name := seedfile.Name(raw, "url")
		e, ok := seedfile.DecodeNamed[seedWebhook](raw, path, name, &errs)
		if !ok {
			continue
		}
		wh := &webhook{ID: e.ID, URL: e.URL, Key: e.AuthenticationKey}
		if wh.ID != "" {
			if strings.ContainsAny(wh.ID, "/ \t\r\n?#%") {
				errs.Add(path, name, "id %q cannot be a Kimoby webhook id (it goes in the URL of PUT and DELETE /webhooks/{id}); Kimoby ids look like \"WH487d9d59d5511879e2eda871b5cac50c\", or leave id out for a fresh one", wh.ID)
			} else if first, dup := byID[wh.ID]; dup {
				errs.Add(path, name, "id %q is already the id of %s: ids are unique", wh.ID, first)
			} else {
				byID[wh.ID] = path
			}
		}
		if e.URL == "" {
			errs.Add(path, name, "url is required: the HTTPS URL Kimoby posts to")
		} else if msg := checkURL(e.URL); msg != "" {
			errs.Add(path, name, "%s", msg)
		}
		if e.AuthenticationKey != "" && strings.TrimSpace(e.AuthenticationKey) != e.AuthenticationKey {
			errs.Add(path, name, "authentication_key has blanks around it; give the key exactly, or leave it out for a fresh one")
		}
		created, updated, ok := seedfile.Stamps(e.CreatedAt, e.UpdatedAt, "2016-06-28T15:00:00+00:00", time.UTC, loadTime, path, name, &errs)
		if !ok {
			continue
		}
		wh.CreatedAt, wh.UpdatedAt = created, updated
		if updated.After(latest) {
			latest = updated
		}
		hooks = append(hooks, loaded{wh: wh, path: path})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, h := range hooks {
		wh := h.wh
		if wh.ID == "" {
			for wh.ID = newWebhookID(); byID[wh.ID] != ""; wh.ID = newWebhookID() {
			}
			byID[wh.ID] = h.path
		}
		if wh.Key == "" {
			wh.Key = randomString(alphanumerics, 40)
		}
		s.keys = append(s.keys, wh.Key)
		s.webhooks[wh.ID] = wh
		s.order = append(s.order, wh.ID)
	}
	// Later changes get later timestamps than any seeded one (see now).
	if latest.After(s.clock) {
		s.clock = latest
	}
	return s, nil
}

// Dump returns the kimoby section of a seed file holding every webhook,
// in list (creation) order, which NewSeeded keeps: loading a dump and
// dumping again gives the same bytes. Kimoby ids are random strings with no
// order of their own, so the entries are not sorted by id.
func (s *Server) Dump() (json.RawMessage, error) {
	s.mu.Lock()
	out := dumpSection{Webhooks: make([]dumpWebhook, 0, len(s.order))}
	for _, id := range s.order {
		wh := s.webhooks[id]
		out.Webhooks = append(out.Webhooks, dumpWebhook{ID: wh.ID, URL: wh.URL, AuthenticationKey: wh.Key,
			CreatedAt: timestamp(wh.CreatedAt), UpdatedAt: timestamp(wh.UpdatedAt)})
	}
	s.mu.Unlock()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("dumping Kimoby: %w", err)
	}
	return json.RawMessage(bytes.TrimSpace(b.Bytes())), nil
}
