package vi

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Dân vận khéo", "dan-van-kheo"},
		{"Đảng bộ thành phố", "dang-bo-thanh-pho"},
		{"Đường đi", "duong-di"},
		{norm.NFD.String("Đường đi"), "duong-di"},
		{"Luật Lao động – 2019", "luat-lao-dong-2019"},
		{"Hỏi: quyền gì?!", "hoi-quyen-gi"},
		{"  --Tín ngưỡng, tôn giáo--  ", "tin-nguong-ton-giao"},
		{"Câu 1. Ai được bầu?", "cau-1-ai-duoc-bau"},
		{"ĐĐ", "dd"},
		{"“Trích dẫn”", "trich-dan"},
		{"中文", ""},
		{"Hỗ trợ 1.052 hộ nghèo", "ho-tro-1052-ho-ngheo"},
		{"2.500.000 đồng", "2500000-dong"},
		{"Nghị quyết 01.2022", "nghi-quyet-01-2022"},
		{"Phiên bản 1.05", "phien-ban-1-05"},
		{"1.0521", "1-0521"},
		{"Łódź và Ørsted", "lodz-va-orsted"},
		{strings.Repeat("Tăng cường công tác dân vận ", 12), "tang-cuong-cong-tac-dan-van-tang-cuong-cong-tac-dan-van-tang-cuong-cong-tac-dan"},
		{strings.Repeat("a", 100), strings.Repeat("a", MaxSlug)},
	}
	for _, c := range cases {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSlugger(t *testing.T) {
	var g Slugger
	got := []string{g.Unique("Đường đi", "h"), g.Unique("Duong di", "h"), g.Unique("Đường đi", "h"), g.Unique("duong-di-1", "h"), g.Unique("!!!", "h")}
	want := []string{"duong-di", "duong-di-1", "duong-di-2", "duong-di-1-1", "h"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Unique #%d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestFoldAndKey(t *testing.T) {
	cases := []struct{ in, fold, key string }{
		{"Đất đai", "Dat dai", "dat dai"},
		{norm.NFD.String("Đất đai"), "Dat dai", "dat dai"},
		{"Dân vận KHÉO", "Dan van KHEO", "dan van kheo"},
		{"người ưu tú", "nguoi uu tu", "nguoi uu tu"},
		{"ăâêôơư", "aaeoou", "aaeoou"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.fold {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.fold)
		}
		if got := Key(c.in); got != c.key {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.key)
		}
	}
}

func TestNormalizeTones(t *testing.T) {
	pairs := [][2]string{
		{"hòa", "hoà"}, {"thúy", "thuý"}, {"khỏe", "khoẻ"}, {"Hòa bình", "Hoà bình"},
		{"tùy", "tuỳ"}, {"hoàn", "hoàn"}, {"quý", "quý"}, {"giữ", "giữ"}, {"người", "người"},
		{"của", "của"}, {"mùa", "mùa"}, {"khuya", "khuya"}, {"thuở", "thuở"},
		{norm.NFD.String("hòa"), "hoà"},
	}
	for _, p := range pairs {
		if got := NormalizeTones(p[0]); got != p[1] {
			t.Errorf("NormalizeTones(%q) = %q, want %q", p[0], got, p[1])
		}
	}
	if NormalizeTones("hòa") != NormalizeTones("hoà") {
		t.Error("hòa and hoà must normalise alike")
	}
	if NormalizeTones("vận") == NormalizeTones("văn") {
		t.Error("vận and văn are different words")
	}
}

func TestCollatorVietnameseOrder(t *testing.T) {
	c := NewCollator()
	got := []string{"Ư", "Đ", "U", "D", "ê", "e", "ă", "â", "a", "b", "Đất", "Dân", "Ưu", "Uy"}
	c.SortStrings(got)
	want := []string{"a", "ă", "â", "b", "D", "Dân", "Đ", "Đất", "e", "ê", "U", "Uy", "Ư", "Ưu"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}

func TestCollatorKeyAgreesWithCompare(t *testing.T) {
	c := NewCollator()
	words := []string{"Ư", "Đ", "U", "D", "ê", "e", "ă", "â", "a", "b", "Đất", "Dân", "Ưu", "Uy", "dân", "Dân vận khéo", "dân vận", "Hòa giải", "Hoà giải", "", "2026", "Tôn giáo"}
	for _, a := range words {
		for _, b := range words {
			if got, want := bytes.Compare(c.Key(a), c.Key(b)), c.Compare(a, b); got != want {
				t.Errorf("keys of %q and %q compare %d, Compare says %d", a, b, got, want)
			}
		}
	}
}

func TestDates(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	ts := time.Date(2022, 1, 21, 9, 58, 0, 0, time.UTC)
	if got := FormatDateTime(ts, loc); got != "Thứ Sáu, 21/01/2022 16:58" {
		t.Errorf("FormatDateTime = %q", got)
	}
	sunday := time.Date(2022, 1, 23, 1, 0, 0, 0, loc)
	if got := FormatDateTime(sunday, loc); got != "Chủ Nhật, 23/01/2022 01:00" {
		t.Errorf("FormatDateTime(sunday) = %q", got)
	}
	if got := FormatDate(ts, loc); got != "21/01/2022" {
		t.Errorf("FormatDate = %q", got)
	}
	if got := MonthName(2022, time.January); got != "Tháng 1 năm 2022" {
		t.Errorf("MonthName = %q", got)
	}
}

// Fold's table gives what NFD gives, for every rune it covers and for
// Vietnamese text, and text it does not cover still folds by NFD.
func TestFoldTableIsNFD(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		s := "a" + string(r) + "Ê"
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Fatalf("Fold(%q) = %q, NFD gives %q", s, got, want)
		}
	}
	for _, s := range []string{"Dân vận khéo", "ĐỒNG CHÍ Nguyễn Thị Hoà", "thuý, khoẻ, hòa", "e\u0301 tách dấu", "Ωmega Ἀθῆναι", "", "ascii only"} {
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Errorf("Fold(%q) = %q, NFD gives %q", s, got, want)
		}
	}
}
