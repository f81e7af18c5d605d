package api

import (
	"context"
	"net/http"
	"net/url"
)

// Activity is a permission that roles grant (GET /activity/{activityId}),
// known by a string id such as "job.manage". Activities are read-only.
type Activity struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// activities are at /activity; a list page holds them under "activities".
var activities = collection[Activity]{path: "/activity", listKey: "activities"}

// GetActivity reads one activity; IsNotFound(err) when it does not exist.
func (c *Client) GetActivity(ctx context.Context, id string) (*Activity, error) {
	return fetch[Activity](ctx, c, http.MethodGet, activities.path+"/"+url.PathEscape(id), nil, nil)
}

// ListActivities returns every activity, across all pages.
func (c *Client) ListActivities(ctx context.Context) ([]Activity, error) {
	return activities.list(ctx, c, nil)
}
