// Package vi handles Vietnamese text the same way everywhere in bantin.
//
//   - [NFC] normalises text to Unicode NFC. Every text bantin reads goes
//     through it: editors on some systems save NFD, and fonts and search
//     break on decomposed marks. [NFCBytes] does it on bytes, and
//     [ValidNFC] checks UTF-8 in the same pass. Text that is NFC already
//     (nearly all: ASCII and precomposed letters) is recognised by a bit
//     per rune of the BMP, built once from norm's tables, and returned as
//     it is, about ten times faster than norm's own check.
//   - [Fold] removes every tone and vowel mark and maps đ/Đ to d/D (đ has no
//     Unicode decomposition, so a generic "remove accents" misses it).
//     [Key] is Fold plus lower case: the form two strings share when a reader
//     typing without marks means them to match.
//   - [NormalizeTones] moves each syllable's tone mark to one canonical place
//     (the "new" placement: hoà, thuý, khoẻ), so that old and new spellings of
//     the same word (hòa / hoà) compare equal while keeping their marks.
//   - [Slug] makes URL path segments and heading IDs: "Dân vận khéo" →
//     "dan-van-kheo", "Đường đi" → "duong-di"; at most [MaxSlug] bytes, cut at a
//     hyphen; a thousands dot between digits is dropped ("1.052" → "1052").
//     A [Slugger] adds -1, -2 … to repeats within one page.
//   - [Collator] sorts in Vietnamese alphabetical order (a ă â b c d đ e ê …)
//     through golang.org/x/text/collate.
//   - [FormatDateTime], [FormatDate] and [MonthName] write dates the way
//     Vietnamese readers expect: "Thứ Sáu, 21/01/2022 16:58",
//     "21/01/2022", "Tháng 1 năm 2022".
package vi
