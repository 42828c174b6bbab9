package vi

import (
	"fmt"
	"time"
)

var weekdays = [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday returns the Vietnamese name of d: "Thứ Sáu".
func Weekday(d time.Weekday) string { return weekdays[d] }

// FormatDateTime writes t in loc as "Thứ Sáu, 21/01/2022 16:58".
func FormatDateTime(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return Weekday(t.Weekday()) + ", " + t.Format("02/01/2006 15:04")
}

// FormatDate writes t in loc as "21/01/2022".
func FormatDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("02/01/2006")
}

// MonthName returns "Tháng 1 năm 2022".
func MonthName(year int, month time.Month) string {
	return fmt.Sprintf("Tháng %d năm %d", int(month), year)
}
