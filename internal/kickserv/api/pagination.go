package api

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// maxPages stops a runaway listing (a server that never returns a short
// page) from looping forever.
const maxPages = 10000

// listAll fetches every page of a list (GET path?page=N) and decodes the
// elements named elem. A list is <employees type="array"><employee>…; an
// empty one may come back as <employees type="array"/> or, from older
// Rails, <nil-classes type="array"/>, so the root's name is not checked.
//
// There is no total in the answer, so the listing ends at an empty page or
// at a page shorter than the longest one seen. The page size is not assumed
// to be the documented 30 ("Records are returned 30 at a time"): a server,
// or the emulator, may use another. The cost is one extra request when the
// first page is itself short.
func listAll[T any](ctx context.Context, c *Client, path string, query url.Values, elem string, decode func(*node) (T, error), key func(T) string) ([]T, error) {
	var all []T
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	full := 0
	prevFirst := ""
	for page := 1; page <= maxPages; page++ {
		q.Set("page", strconv.Itoa(page))
		root, err := c.get(ctx, path, q, "")
		if err != nil {
			return nil, err
		}
		items := root.childrenNamed(elem)
		if root.name == elem {
			return nil, fmt.Errorf("Kickserv GET %s page %d returned a single <%s>, not a list", c.accountPrefix+path, page, elem)
		}
		if len(items) == 0 {
			return all, nil
		}
		for i, n := range items {
			v, err := decode(n)
			if err != nil {
				return nil, fmt.Errorf("decoding Kickserv %s list (page %d): %w", c.accountPrefix+path, page, err)
			}
			if i == 0 {
				// A server that ignores "page" would return page 1 forever.
				if k := key(v); page > 1 && k == prevFirst {
					return nil, fmt.Errorf("Kickserv GET %s returned the same records for page %d as for page %d: the page parameter was ignored", c.accountPrefix+path, page, page-1)
				} else {
					prevFirst = k
				}
			}
			all = append(all, v)
		}
		if len(items) < full {
			return all, nil
		}
		full = max(full, len(items))
	}
	return nil, fmt.Errorf("Kickserv %s list did not end after %d pages", c.accountPrefix+path, maxPages)
}
