package corpus

import (
	"math/rand/v2"
	"strings"

	"bantin/internal/vi"
)

// Parts of made-up syllables: onsets, rhymes and the five tone marks (and
// none). vi.NormalizeTones puts the mark on the right vowel.
var (
	onsets = []string{"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
	rhymes = []string{"a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăm", "ăn", "ăng", "âm", "ân", "âng", "âu", "ây", "e", "em", "en", "eo", "ê", "êm", "ên", "ênh", "êu",
		"i", "im", "in", "inh", "iu", "o", "oa", "oai", "oan", "oang", "oanh", "oi", "om", "on", "ong", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơm", "ơn",
		"u", "ui", "um", "un", "ung", "uy", "uyên", "ư", "ưa", "ưng", "ươi", "ương", "ươn"}
	tones = []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
)

// commonWords are real words (most of two syllables) in rough order of
// use, the top of the Zipf vocabulary.
var commonWords = strings.Split("và|của|là|có|được|những|trong|cho|người|các|với|một|không|này|đã|"+
	"người dân|cơ sở|nhân dân|chính quyền|công khai|thực hiện|quy định|lao động|khu phố|pháp luật|"+
	"dân chủ|dân vận|doanh nghiệp|ý kiến|quyết định|giám sát|kiểm tra|hợp đồng|bảo hiểm|xã hội|"+
	"tiền lương|công đoàn|đối thoại|thương lượng|tín ngưỡng|tôn giáo|lễ hội|đất đai|hòa giải|tranh chấp|"+
	"quyền|nghĩa vụ|kiến nghị|họp bàn|thành phố|quận|huyện|phường|xã|Mặt trận|Tổ quốc|cán bộ|đảng viên|"+
	"hội viên|phụ nữ|thanh niên|an toàn|tiết kiệm|môi trường|giao thông|trường học|bệnh viện|nhà văn hóa|"+
	"đường hẻm|thoát nước|năm|tháng|ngày|tuần|mới|lớn|nhỏ|nhiều|tốt đẹp|thiết thực|hiệu quả|bền vững|"+
	"ngân sách|minh bạch|đời sống|văn hóa|đoàn kết|chức sắc|tín đồ|dân vận khéo|tổ dân phố", "|")

// zipf returns a word source over n words with Zipf's law (s = 1.1): the
// common words first, then made-up words of one to three made-up but
// well-formed syllables (most of two, as in Vietnamese), in a seeded
// order. A word of several syllables always has them in the same order,
// so pairs of syllables repeat as they do in real text.
func zipf(r *rand.Rand, n int) func() string {
	vocab := vocabulary(r, n)
	z := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	return func() string { return vocab[z.Uint64()] }
}

func vocabulary(r *rand.Rand, n int) []string {
	var syllables []string
	for _, o := range onsets {
		for _, rh := range rhymes {
			for _, t := range tones {
				syllables = append(syllables, vi.NormalizeTones(o+rh+t))
			}
		}
	}
	r.Shuffle(len(syllables), func(i, j int) { syllables[i], syllables[j] = syllables[j], syllables[i] })
	// Syllables are used with Zipf's law too: a few in many words.
	zs := rand.NewZipf(r, 1.05, 4, uint64(len(syllables)-1))
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] && len(out) < n {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range commonWords {
		add(w)
	}
	for len(out) < n {
		parts := make([]string, 1+r.IntN(3)%2+r.IntN(10)/9) // 1, 2 or 3 syllables; mostly 2
		for i := range parts {
			parts[i] = syllables[zs.Uint64()]
		}
		add(strings.Join(parts, " "))
	}
	return out
}
