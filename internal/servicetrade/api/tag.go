package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Tag is a label that ServiceTrade attaches to jobs, locations, companies,
// contracts and other entities (GET /tag/{id}). Tag names are unique in
// the account.
type Tag struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
}

// TagFilter narrows GET /tag. Name keeps the tags whose name contains the
// text (case-insensitively, as ServiceTrade's name filters are).
type TagFilter struct {
	Name string
}

// tagName is the body of POST and PUT /tag.
type tagName struct {
	Name string `json:"name"`
}

// tags are at /tag; a list page holds them under "tags".
var tags = collection[Tag]{path: "/tag", listKey: "tags", listed: everyObject}

// GetTag reads one tag; IsNotFound(err) when it does not exist.
func (c *Client) GetTag(ctx context.Context, id int64) (*Tag, error) {
	return tags.get(ctx, c, id)
}

// CreateTag is POST /tag with the name. It is a get-or-create: when a tag
// by that name already exists, ServiceTrade answers 200 with that tag
// instead of creating one (the caller must check before, and compare the
// answer's name after). The reference's examples pass the name as a query
// parameter (POST /api/tag?name=MyNewTag) while every other POST takes a
// JSON body, so the name is sent both ways, with the same value: the call
// works whether the server reads the query or the body.
func (c *Client) CreateTag(ctx context.Context, name string) (*Tag, error) {
	return fetch[Tag](ctx, c, http.MethodPost, tags.path, url.Values{"name": {name}}, tagName{Name: name})
}

// RenameTag is PUT /tag/{id} with the new name, as a JSON body (the
// reference's example). A name that another tag has is a 409 "new tag name
// already in use" (IsConflict).
func (c *Client) RenameTag(ctx context.Context, id int64, name string) (*Tag, error) {
	return tags.update(ctx, c, id, tagName{Name: name})
}

// DeleteTag deletes the tag: DELETE /tag/{id} without an entity, which
// removes it from every entity it is attached to. The reference documents
// 204 and shows 200 in its examples; any 2xx is success.
func (c *Client) DeleteTag(ctx context.Context, id int64) error {
	return tags.delete(ctx, c, id)
}

// ListTags returns every tag matching f, across all pages.
func (c *Client) ListTags(ctx context.Context, f TagFilter) ([]Tag, error) {
	return tags.list(ctx, c, query{}.text("name", f.Name))
}

// TagsNamed returns the tags whose name is name, ignoring case (the name
// filter narrows the listing; the comparison is made here). Tag names are
// compared case-insensitively throughout the provider: the reference does
// not say how the get-or-create of POST /tag matches names, and ignoring
// case is the safe reading (see CreateTag).
func (c *Client) TagsNamed(ctx context.Context, name string) ([]Tag, error) {
	list, err := c.ListTags(ctx, TagFilter{Name: name})
	if err != nil {
		return nil, err
	}
	return KeepTagsNamed(list, name), nil
}

// KeepTagsNamed keeps the tags of list whose name is name, ignoring case.
func KeepTagsNamed(list []Tag, name string) []Tag {
	var out []Tag
	for _, t := range list {
		if SameTagName(t.Name, name) {
			out = append(out, t)
		}
	}
	return out
}

// SameTagName reports whether two tag names are the same for ServiceTrade
// as the provider reads it: equal ignoring case.
func SameTagName(a, b string) bool { return TagKey(a) == TagKey(b) }

// TagKey is a tag name as the provider's natural-key index compares it
// (lower case).
func TagKey(name string) string { return strings.ToLower(name) }
