package zhifa.casework;

import java.time.LocalDate;

/** A period in which one of the case's timers stood still (中止、听证、公告、检测鉴定), and why. */
public record TimerPause(String timer, LocalDate pausedOn, LocalDate resumedOn, String reason) {
}
