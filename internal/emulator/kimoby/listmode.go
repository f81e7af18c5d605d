package kimoby

import (
	"fmt"
	"strings"
)

// WebhookListMode is how GET /webhooks treats page and per_page.
//
// The reference leaves this open. Its general rule says "Collection of
// resources are paginated" (page, per_page at most 50, default 25); its
// webhook section shows GET /webhooks with no parameters, answered by a bare
// JSON array without the pagination object. Both readings are served, so
// that the provider is tested against each.
type WebhookListMode int

const (
	// WebhookListPaged applies the general pagination rule to the bare
	// array: page and per_page are honoured (and checked), 25 webhooks per
	// page by default. It is the default because the acceptance tests and
	// `make bench` count list pages, and a paged list is the one that takes
	// a client several requests to read.
	WebhookListPaged WebhookListMode = iota
	// WebhookListUnpaged serves the list as the webhook section documents
	// it: the whole list every time, page and per_page ignored (not
	// refused: parameters the documented request does not have).
	WebhookListUnpaged
)

var webhookListModeNames = [...]string{WebhookListPaged: "paged", WebhookListUnpaged: "unpaged"}

func (m WebhookListMode) String() string {
	if int(m) >= 0 && int(m) < len(webhookListModeNames) {
		return webhookListModeNames[m]
	}
	return fmt.Sprintf("WebhookListMode(%d)", int(m))
}

// ParseWebhookListMode reads "paged" or "unpaged" (any case; empty is
// paged), for a command-line flag.
func ParseWebhookListMode(s string) (WebhookListMode, error) {
	if s == "" {
		return WebhookListPaged, nil
	}
	for m, name := range webhookListModeNames {
		if strings.EqualFold(s, name) {
			return WebhookListMode(m), nil
		}
	}
	return 0, fmt.Errorf("unknown Kimoby webhook list mode %q: use \"paged\" or \"unpaged\"", s)
}

// SetWebhookListMode changes how GET /webhooks pages from the next request
// on, for tests that start the emulator through a harness that does not
// pass Kimoby's options.
func (s *Server) SetWebhookListMode(m WebhookListMode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.WebhookList = m
}

// WebhookListMode reports how GET /webhooks pages.
func (s *Server) WebhookListMode() WebhookListMode {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.WebhookList
}
