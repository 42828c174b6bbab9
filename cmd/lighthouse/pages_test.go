package main

import (
	"encoding/json"
	"testing"
)

func TestChoosePages(t *testing.T) {
	got, err := choosePages("search, leaflet")
	if err != nil || len(got) != 2 || got[0].kind != "leaflet" || got[1].kind != "search" {
		t.Errorf("choosePages = %v, %v; want leaflet then search", got, err)
	}
	if all, _ := choosePages(""); len(all) != len(pages) {
		t.Errorf("empty list chose %d pages, want all %d", len(all), len(pages))
	}
	if _, err := choosePages("leaflet,lefalet"); err == nil {
		t.Error("an unknown page kind was accepted")
	}
}

func TestLCPElement(t *testing.T) {
	details := json.RawMessage(`{"type":"list","items":[{"type":"table","items":[]},{"type":"node","selector":"main > h1"}]}`)
	if got := lcpElement(details); got != "main > h1" {
		t.Errorf("lcpElement = %q, want main > h1", got)
	}
	if got := lcpElement(nil); got != "" {
		t.Errorf("lcpElement(nil) = %q", got)
	}
}
