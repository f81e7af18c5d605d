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
	for page := 1; page <= maxPages; page++ {
		p, err := fetchPage(ctx, c, path, query, page, listKey, altKeys...)
		if err != nil {
			return nil, err
		}
		var items []T
		if len(p.items) > 0 {
			if err := json.Unmarshal(p.items, &items); err != nil {
				return nil, fmt.Errorf("decoding ServiceTrade %s list (key %q, page %d): %w", path, p.key, page, err)
			}
		}
		all = append(all, items...)
		if page >= p.totalPages || len(items) == 0 {
			return all, nil
		}
	}
	return nil, fmt.Errorf("ServiceTrade %s list did not end after %d pages", path, maxPages)
}

// listPage is one page of a list: its items (raw JSON, empty when the page
// has none), the key they were under, and the page count it reports.
type listPage struct {
	items      json.RawMessage
	key        string
	totalPages int
}

// fetchPage fetches page number page of the list at path.
func fetchPage(ctx context.Context, c *Client, path string, query url.Values, page int, listKey string, altKeys ...string) (listPage, error) {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(page))
	var data map[string]json.RawMessage
	if err := c.call(ctx, http.MethodGet, path, q, nil, &data); err != nil {
		return listPage{}, err
	}
	p := listPage{key: listKey}
	for _, alt := range altKeys {
		if _, ok := data[p.key]; ok {
			break
		}
		p.key = alt
	}
	if raw, ok := data[p.key]; ok && string(raw) != "null" {
		p.items = raw
	}
	if raw, ok := data["totalPages"]; ok {
		_ = json.Unmarshal(raw, &p.totalPages)
	}
	// A server that ignores the page parameter would otherwise be asked
	// for the same page until maxPages.
	var served int
	if raw, ok := data["page"]; ok && json.Unmarshal(raw, &served) == nil && served != 0 && served != page {
		return listPage{}, fmt.Errorf("ServiceTrade %s list answered page %d when page %d was asked", path, served, page)
	}
	return p, nil
}
