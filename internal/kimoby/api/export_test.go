package api

// SetMaxWebhookPages lowers the bound on webhook list pages for a test and
// returns the function that restores it.
func SetMaxWebhookPages(n int) (restore func()) {
	old := maxPages
	maxPages = n
	return func() { maxPages = old }
}
