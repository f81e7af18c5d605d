package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// maxPages stops a runaway listing (a server that never reports the last
// page) from looping forever.
const maxPages = 10000

// listAll fetches every page of a list resource and returns the items under
// listKey. ServiceTrade lists are {"data":{"totalPages":N,"page":n,"<key>":[…]}}.
// altKeys are other spellings of the key that the reference shows (its
// payment terms example answers "paymenttermss"); the first key present on
// a page is used.
func listAll[T any](ctx context.Context, c *Client, path string, query url.Values, listKey string, altKeys ...string) ([]T, error) {
	var all []T
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	for page := 1; page <= maxPages; page++ {
		q.Set("page", strconv.Itoa(page))
		var data map[string]json.RawMessage
		if err := c.call(ctx, http.MethodGet, path, q, nil, &data); err != nil {
			return nil, err
		}
		var items []T
		key := listKey
		for _, alt := range altKeys {
			if _, ok := data[key]; ok {
				break
			}
			key = alt
		}
		if raw, ok := data[key]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, fmt.Errorf("decoding ServiceTrade %s list (key %q, page %d): %w", path, key, page, err)
			}
		}
		all = append(all, items...)
		var totalPages, served int
		if raw, ok := data["totalPages"]; ok {
			_ = json.Unmarshal(raw, &totalPages)
		}
		// A server that ignores the page parameter would otherwise be asked
		// for the same page until maxPages.
		if raw, ok := data["page"]; ok && json.Unmarshal(raw, &served) == nil && served != 0 && served != page {
			return nil, fmt.Errorf("ServiceTrade %s list answered page %d when page %d was asked", path, served, page)
		}
		if page >= totalPages || len(items) == 0 {
			return all, nil
		}
	}
	return nil, fmt.Errorf("ServiceTrade %s list did not end after %d pages", path, maxPages)
}
