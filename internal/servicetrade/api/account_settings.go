package api

import (
	"context"
	"net/http"
)

// AccountSettings are the account's settings (GET /accountsettings): read
// only, the API answers 405 to POST, PUT and DELETE. The terms ids are null
// when the account has no default terms of that kind (the reference's
// example has "quoteTermsId": null).
type AccountSettings struct {
	JobTypes                  []string `json:"jobTypes"`
	ItemTypes                 []string `json:"itemTypes"`
	MobileJobTaskWorkflow     []string `json:"mobileJobTaskWorkflow"`
	MobileJobItemConfirmation []string `json:"mobileJobItemConfirmation"`
	// AssetDefinitions are the ids of the asset definitions enabled in the
	// account.
	AssetDefinitions     []int64  `json:"assetDefinitions"`
	ChangeOrderTermsID   *int64   `json:"changeOrderTermsId"`
	JobTermsID           *int64   `json:"jobTermsId"`
	QuoteTermsID         *int64   `json:"quoteTermsId"`
	InvoiceTermsID       *int64   `json:"invoiceTermsId"`
	AttachmentVisibility []string `json:"attachmentVisibility"`
	DeficiencyVisibility []string `json:"deficiencyVisibility"`
	CommentVisibility    []string `json:"commentVisibility"`
	JobItemVisibility    []string `json:"jobItemVisibility"`
	QuoteDetailLevel     []string `json:"quoteDetailLevel"`
	InvoiceDetailLevel   []string `json:"invoiceDetailLevel"`
	// SalesTaxSource is "manual" or "taxgroup" (tax groups apply only
	// with the latter).
	SalesTaxSource string `json:"salesTaxSource"`
}

// GetAccountSettings reads the account's settings.
func (c *Client) GetAccountSettings(ctx context.Context) (*AccountSettings, error) {
	return fetch[AccountSettings](ctx, c, http.MethodGet, "/accountsettings", nil, nil)
}
