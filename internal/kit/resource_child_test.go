package kit

import (
	"context"
	"testing"
)

type childClient struct{ parent, id int64 }

func (c *childClient) get(_ context.Context, parent, id int64) (*Child, error) {
	c.parent, c.id = parent, id
	return &Child{Parent: parent, ID: id}, nil
}

func (c *childClient) del(_ context.Context, parent, id int64) error {
	c.parent, c.id = parent, id
	return nil
}

func TestChildCalls(t *testing.T) {
	c := &childClient{}
	got, err := GetChild((*childClient).get)(c, context.Background(), Child{Parent: 7, ID: 5})
	if err != nil || *got != (Child{Parent: 7, ID: 5}) || c.parent != 7 || c.id != 5 {
		t.Errorf("GetChild called get(%d, %d) = %v, %v", c.parent, c.id, got, err)
	}
	*c = childClient{}
	if err := DeleteChild((*childClient).del)(c, context.Background(), Child{Parent: 9, ID: 3}); err != nil || c.parent != 9 || c.id != 3 {
		t.Errorf("DeleteChild called del(%d, %d): %v", c.parent, c.id, err)
	}
}
