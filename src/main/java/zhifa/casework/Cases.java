package zhifa.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import zhifa.shared.DataScope;

/**
 * The repository of cases (the aggregate root every kind shares). Loads within the caller's data scope; every change to
 * a case goes through {@link #claim}, the optimistic version check, before it writes anything else — so of two
 * concurrent writes on one case exactly one wins and the other is refused with {@link zhifa.shared.StaleWrite}.
 */
public interface Cases {

	/** The case, if it lies in the scope; not found otherwise (the two are not told apart). */
	CaseFile get(DataScope scope, long id);

	Optional<CaseFile> find(long id);

	/**
	 * A kind's own row of a case (its table keyed by the case id), read with the case in one statement: the table, the
	 * columns it needs and how they make its row. The kernel selects each column as {@code part_<column>} of a left join
	 * on the case id, so no name meets one of the case's; a case without such a row maps to null.
	 */
	interface Part<T> {

		/** The kind's table, joined as {@code p} on {@code p.case_id = c.id}. */
		String table();

		/** The columns of the table the row is made of (plain column names). */
		List<String> columns();

		/**
		 * More columns from other joins, as {@code alias → expression over p} (a name joined through another table):
		 * selected as {@code part_<alias>} with the table's, from the {@link #joins()}.
		 */
		Map<String, String> derived();

		/** The left joins the derived columns need (on {@code p}), or empty. */
		String joins();

		/** The kind's row from its columns, read by name (the table's and the derived ones). */
		T map(Columns row);
	}

	/** The columns of one row, by name, each as the type asked for (null when the column is null). */
	interface Columns {

		<X> X get(String column, Class<X> type);
	}

	/**
	 * The case and its kind's part as read together (the part null when the case has no such row), with the case's timer
	 * of one type when it was asked for (null when it was not, or the case has none of that type).
	 */
	record WithPart<T>(CaseFile file, T part, CaseTimer timer) {

		public WithPart(CaseFile file, T part) {
			this(file, part, null);
		}
	}

	/** {@link #get(DataScope, long)} with a kind's part of the case, in one statement. */
	<T> WithPart<T> get(DataScope scope, long id, Part<T> part);

	/**
	 * {@link #get(DataScope, long, Part)} with the case's timer of a type (the one without a ref), in the same statement:
	 * for a step that reads the timer it changes. The timer is as of the read; the step claims the case before it writes.
	 */
	<T> WithPart<T> get(DataScope scope, long id, Part<T> part, TimerType timer);

	/** The cases with these ids, in the given order (those that exist). */
	List<CaseFile> load(Collection<Long> ids);

	/** A new case as the kind registers it; the party's ID number arrives encrypted, with its fingerprint key and mask. */
	record NewCase(String kind, long bodyId, long matterId, String stage, String source, String idempotencyKey, PartyType partyKind, String partyName,
			String partyIdCipher, String partyKey, String partyMasked, String partyAddress, long placeRegionId, String placeDetail, LocalDate actDate,
			LocalDate actEndDate,
			String description, LocalDate receivedOn, String registeredBy, Long registeredById, boolean demo) {
	}

	/**
	 * The registered case's id, and whether this call created it (false: an earlier call with the same key did); the case
	 * as written when it did.
	 */
	record Registered(long id, boolean created, CaseFile file) {
	}

	/** Registers a case; a retry with the same idempotency key (per body) returns the first case and creates nothing. */
	Registered register(NewCase c);

	Optional<Long> findByIdempotencyKey(long bodyId, String key);

	/**
	 * The case as read is the case as it is: its version goes up and it moves to {@code stage} (null: it stays), or — when
	 * someone changed it since {@code c} was read — nothing happens and {@link zhifa.shared.StaleWrite} is thrown. Call
	 * before any other write of the change.
	 */
	CaseFile claim(CaseFile c, String stage);

	/** Gives the case its number (立案) on the day, by whom. */
	void number(long caseId, CaseNumbers.Number number, LocalDate filedOn, String filedBy);

	/** Marks the day the case was closed (结案). */
	void closed(long caseId, LocalDate on);

	/** Marks the day the case was archived (归档); from then its file is read-only. */
	void archived(long caseId, LocalDate on);

	void assign(long caseId, long officerId, LocalDate day);

	void release(long caseId, long officerId, LocalDate day);

	/**
	 * Corrects the party of a case claimed in the same transaction: kind, name, encrypted ID number (or null), key and
	 * masked number — all three kept as they are when {@code key} is null (the number was not corrected) — and address.
	 */
	void party(long caseId, PartyType kind, String name, String idCipher, String key, String masked, String address);

	/** The party's birth date from a natural person's ID number (行政处罚法第三十条 is applied from it); empty otherwise. */
	Optional<LocalDate> partyBirthDate(long caseId);

	/** The party's key: {@code U:}USCC or {@code P:}fingerprint of the ID number. */
	String partyKey(long caseId);

	/**
	 * Other names the same party (the same USCC or ID number) bears in the cases of the scope — a typo, a renamed
	 * company or a wrong code, for the officer to check; at most five, oldest first, empty when none.
	 */
	List<String> otherPartyNames(DataScope scope, long caseId);

	/** The parties' keys of many cases in one read, by case. */
	Map<Long, String> partyKeys(Collection<Long> caseIds);

	/**
	 * Other bodies that filed a case against the same party for an act overlapping this one under a provision this case's
	 * matter shares (行政处罚法第二十五条: the first to file takes it), as "机关（立案日期）".
	 */
	List<String> filedElsewhere(CaseFile c);

	/** Cases as the record names them: a filed case by its 案件编号, a clue by its party (案源：某某); unknown ids left out. */
	java.util.Map<Long, String> recordNames(java.util.Collection<Long> ids);
}
