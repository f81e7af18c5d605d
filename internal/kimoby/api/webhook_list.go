package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Paging of GET /webhooks.
//
// The reference is of two minds about this list. Its general rule says that
// every collection pages ("page" and "per_page", per_page at most 50,
// default 25), with a {"<plural>": […], "pagination": {…}} envelope; the
// webhook section shows a bare JSON array, with no pagination object and no
// parameters (API notes A.9, A.10). A server may therefore page the list,
// ignore page and per_page and send the whole list every time, or (less
// plausibly) honour one parameter and not the other. Nothing in the answer
// says which, so ListWebhooks tells them apart by what the pages hold:
//
//   - a page longer than per_page comes from a server that ignores paging:
//     it is the whole list;
//   - an empty page, or a page shorter than per_page, ends the list; except
//     a page of exactly 25 (the documented default size) while no page has
//     been longer, which may come from a server that ignores per_page and
//     serves 25 at a time: the next page is asked for;
//   - a page that brings no webhook not already seen is the server serving
//     the same page again, which means it ignores page. After a short page
//     the list is complete. After a full page it is not known whether the
//     server also ignores per_page (then the page was the whole list) or
//     honours it (then the rest of the list is out of reach): one request
//     with per_page=1 tells, and the second case is an error rather than a
//     silently truncated list, which would make Terraform believe the
//     missing webhooks deleted and create them again;
//   - the listing gives up after maxPages pages.
//
// Against a server that pages, this costs ceil(n/50) requests (plus the
// empty page that proves the end when n is a multiple of 50); against one
// that ignores paging, one request (three when it holds exactly 50
// webhooks, two when exactly 25).

// MaxPerPage is the largest page Kimoby serves ("less or equals to 50").
const MaxPerPage = 50

// defaultPerPage is the documented page size when per_page is not given:
// "By default, 25 items per page are shown".
const defaultPerPage = 25

// maxPages stops a runaway listing (a server whose pages never end) from
// looping forever: 10,000 pages of 50 webhooks. A variable for tests.
var maxPages = 10000

// ListWebhooks fetches every webhook now, bypassing the shared listing (see
// Webhooks). It reads the list whether or not the server pages it; see the
// comment above for how.
func (c *Client) ListWebhooks(ctx context.Context) ([]Webhook, error) {
	var all []Webhook
	seen := map[string]bool{}
	previous, longest := 0, 0 // lengths of the previous and the longest page
	for page := 1; page <= maxPages; page++ {
		items, err := c.listWebhookPage(ctx, page, MaxPerPage)
		if err != nil {
			return nil, err
		}
		if len(items) > MaxPerPage {
			// The server ignores paging: this page is the whole list.
			return appendUnseen(nil, map[string]bool{}, items), nil
		}
		before := len(all)
		all = appendUnseen(all, seen, items)
		switch {
		case len(items) == 0:
			return all, nil
		case len(all) == before:
			// Nothing new: the server served a page already seen.
			if previous < MaxPerPage {
				return all, nil
			}
			return c.confirmUnpaged(ctx, page)
		case len(items) < MaxPerPage && (len(items) != defaultPerPage || longest > defaultPerPage):
			return all, nil
		}
		previous, longest = len(items), max(longest, len(items))
	}
	return nil, fmt.Errorf("Kimoby API GET /webhooks: the webhook list did not end after %d pages of %d; the server keeps serving new webhooks on every page", maxPages, MaxPerPage)
}

// confirmUnpaged is called when page repeated the full page before it: the
// server ignores page. If it ignores per_page too, what it serves is the
// whole list; if it honours per_page, the webhooks past the first page
// cannot be listed at all.
func (c *Client) confirmUnpaged(ctx context.Context, page int) ([]Webhook, error) {
	probe, err := c.listWebhookPage(ctx, 1, 1)
	if err != nil {
		return nil, err
	}
	if len(probe) > 1 {
		return appendUnseen(nil, map[string]bool{}, probe), nil
	}
	return nil, fmt.Errorf("Kimoby API GET /webhooks?page=%d served the same %d webhooks as page=%d, yet the server honours per_page "+
		"(per_page=1 gave %d): it ignores the page parameter, so the webhooks after the first %d cannot be listed, "+
		"and without the whole list no webhook can be read safely; report this to Kimoby support",
		page, MaxPerPage, page-1, len(probe), MaxPerPage)
}

// listWebhookPage is one GET /webhooks. The answer is a bare JSON array.
func (c *Client) listWebhookPage(ctx context.Context, page, perPage int) ([]Webhook, error) {
	q := url.Values{"page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(perPage)}}
	var items []Webhook
	if err := c.call(ctx, http.MethodGet, "/webhooks", q, nil, &items); err != nil {
		return nil, err
	}
	return items, nil
}

// appendUnseen appends to list the items whose id is not in seen, in order,
// and marks them seen: a list that shifts between two page requests (a
// webhook deleted meanwhile) does not show one webhook twice.
func appendUnseen(list []Webhook, seen map[string]bool, items []Webhook) []Webhook {
	for _, w := range items {
		if !seen[w.ID] {
			seen[w.ID] = true
			list = append(list, w)
		}
	}
	return list
}
