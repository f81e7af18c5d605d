package servicetrade

import "encoding/json"

// Webhooks. confirmed is stored: a webhook the API creates is confirmed
// right after its creation when its URL could be public
// (publiclyReachable), and that is the default here too.

// seedWebhook is a webhook entry.
type seedWebhook struct {
	ID                int64  `json:"id"`
	HookURL           string `json:"hookUrl"`
	Enabled           *bool  `json:"enabled"`
	Confirmed         *bool  `json:"confirmed"`
	IncludeChangesets bool   `json:"includeChangesets,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "webhooks", ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedWebhook](l, "webhooks", raw, "hookUrl") {
				v := it.v
				if it.required("hookUrl", v.HookURL) {
					if msg := checkHookURL(v.HookURL); msg != "" {
						it.fail("%s", msg)
					}
				}
				wh := &webhook{HookURL: v.HookURL, Enabled: v.Enabled == nil || *v.Enabled,
					Confirmed: publiclyReachable(v.HookURL), IncludeChangesets: v.IncludeChangesets}
				if v.Confirmed != nil {
					wh.Confirmed = *v.Confirmed
				}
				if id, ok := it.id(v.ID); ok {
					wh.ID = id
					l.s.webhooks[id] = wh
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.webhooks, func(wh *webhook) seedWebhook {
				return seedWebhook{ID: wh.ID, HookURL: wh.HookURL, Enabled: ptr(wh.Enabled), Confirmed: ptr(wh.Confirmed),
					IncludeChangesets: wh.IncludeChangesets}
			})
		},
	})
}
