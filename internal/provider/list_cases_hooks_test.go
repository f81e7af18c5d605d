package provider_test

// listCasesHooks are the TestList_protocol cases of this group's list
// resources.
var listCasesHooks = []listCase{}
