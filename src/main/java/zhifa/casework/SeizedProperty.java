package zhifa.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import zhifa.shared.DataScope;

/**
 * What a case still holds under 查封、扣押, and its handing over with the case to the judicial organs: "违法行为涉嫌犯罪应当
 * 移送司法机关的，行政机关应当将查封、扣押、冻结的财物一并移送，并书面告知当事人" (行政强制法第二十一条). Implemented by
 * {@code zhifa.coercion}; asked by the 行刑衔接's hand-over of the goods after the police filed the case.
 */
public interface SeizedProperty {

	/** A 查封 or 扣押 not yet released or dealt with: its id and how the page names it (扣押“…”（2026-05-01 实施）). */
	record Held(long id, String label) {
	}

	/** The case's measures still holding property, oldest first. */
	List<Held> held(long caseId);

	/**
	 * Every measure still holding the case's property is handed over with the case to {@code organ} on {@code on}, the
	 * party told in writing on {@code partyToldOn}: each ends so, on the case's record, its period closed. Checked against
	 * the case as read here, before it is claimed: one left out of {@code measureIds}, one not of the case or already
	 * ended, one the head has not confirmed, a day before it was taken — refused, nothing written. Returns the measures
	 * handed over, as {@link #held} names them (none when the case holds nothing).
	 */
	List<Held> handOverAll(DataScope scope, long caseId, Collection<Long> measureIds, LocalDate on, LocalDate partyToldOn, String organ);
}
