package zhifa.casework;

/**
 * One stage a case of a kind can stand in: its code (stored with the case), its Chinese name, whether the case is still
 * being worked on ({@code open}: it shows in the workbench's 未结 list) and what the workbench says is to be done next.
 */
public record Stage(String code, String label, boolean open, String todo) {
}
