package api

import (
	"context"
	"net/http"
	"strconv"
)

// PaymentTerms are read-only payment terms ("Net 30") that contracts
// reference (GET /paymentterms/{id}).
type PaymentTerms struct {
	ID         int64  `json:"id"`
	URI        string `json:"uri"`
	Name       string `json:"name"`
	OrderIndex int    `json:"orderIndex"`
}

// GetPaymentTerms reads one payment terms entry; IsNotFound(err) when it
// does not exist.
func (c *Client) GetPaymentTerms(ctx context.Context, id int64) (*PaymentTerms, error) {
	return fetch[PaymentTerms](ctx, c, http.MethodGet, "/paymentterms/"+strconv.FormatInt(id, 10), nil, nil)
}

// ListPaymentTerms returns every payment terms entry. The reference names
// the list key "paymentterms" in its field table and "paymenttermss" in its
// example; both are accepted.
func (c *Client) ListPaymentTerms(ctx context.Context) ([]PaymentTerms, error) {
	return listAll[PaymentTerms](ctx, c, "/paymentterms", nil, "paymenttermss", "paymentterms")
}
