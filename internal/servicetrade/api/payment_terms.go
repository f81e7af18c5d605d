package api

import "context"

// PaymentTerms are read-only payment terms ("Net 30") that contracts
// reference (GET /paymentterms/{id}).
type PaymentTerms struct {
	ID         int64  `json:"id"`
	URI        string `json:"uri"`
	Name       string `json:"name"`
	OrderIndex int    `json:"orderIndex"`
}

// paymentTerms are at /paymentterms. The reference names the list key
// "paymentterms" in its field table and "paymenttermss" in its example;
// both are accepted.
var paymentTerms = collection[PaymentTerms]{path: "/paymentterms", listKey: "paymenttermss", altKeys: []string{"paymentterms"}}

// GetPaymentTerms reads one payment terms entry; IsNotFound(err) when it
// does not exist.
func (c *Client) GetPaymentTerms(ctx context.Context, id int64) (*PaymentTerms, error) {
	return paymentTerms.get(ctx, c, id)
}

// ListPaymentTerms returns every payment terms entry.
func (c *Client) ListPaymentTerms(ctx context.Context) ([]PaymentTerms, error) {
	return paymentTerms.list(ctx, c, nil)
}
