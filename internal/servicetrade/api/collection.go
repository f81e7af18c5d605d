package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// collection is one kind of ServiceTrade object as the REST API lays it
// out: POST and GET (every page) on the collection path, GET, PUT and
// DELETE on <path>/{id}. The exported methods of each resource file name
// their kind's verbs through it, so that a new resource writes its types
// and one line a verb; what a resource does differently (a bare list, a
// 404 that means "none", a POST instead of DELETE) stays in its own file.
type collection[T any] struct {
	// path is the collection's path, "/region" or, for objects nested in
	// another, "/contract/{id}/rule" (see nested).
	path string
	// listKey is the member of a list page that holds the objects;
	// altKeys are other spellings the reference shows (see listAll).
	listKey string
	altKeys []string
	// listed, for a kind whose list returns objects as its GET by id does,
	// is how to list them all: reads by id are then served from a listing
	// when enough of them are asked (listed_reads.go).
	listed *listing
}

// nested is the collection of the same kind under one object of c
// (<c.path>/{id}/<sub>), such as a contract's rules.
func nested[T, P any](c collection[P], id int64, sub, listKey string) collection[T] {
	return collection[T]{path: c.at(id) + "/" + sub, listKey: listKey}
}

// at is the path of the object with that id.
func (k collection[T]) at(id int64) string { return k.path + "/" + strconv.FormatInt(id, 10) }

// get reads one object; IsNotFound(err) when it does not exist.
func (k collection[T]) get(ctx context.Context, c *Client, id int64) (*T, error) {
	if k.listed != nil && c.listed != nil {
		return listedRead(ctx, c, k, id)
	}
	return fetch[T](ctx, c, http.MethodGet, k.at(id), nil, nil)
}

// create sends in as the body of POST on the collection and returns the
// object as the API answers it.
func (k collection[T]) create(ctx context.Context, c *Client, in any) (*T, error) {
	return fetch[T](ctx, c, http.MethodPost, k.path, nil, in)
}

// update sends in as the body of PUT on the object and returns it as the
// API answers it.
func (k collection[T]) update(ctx context.Context, c *Client, id int64, in any) (*T, error) {
	return fetch[T](ctx, c, http.MethodPut, k.at(id), nil, in)
}

// delete deletes the object, whatever 2xx the API answers with.
func (k collection[T]) delete(ctx context.Context, c *Client, id int64) error {
	return c.call(ctx, http.MethodDelete, k.at(id), nil, nil, nil)
}

// list returns the objects of every page that q selects.
func (k collection[T]) list(ctx context.Context, c *Client, q query) ([]T, error) {
	return listAll[T](ctx, c, k.path, url.Values(q), k.listKey, k.altKeys...)
}
