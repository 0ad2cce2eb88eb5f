package zhifa.supervision.exchange;

/** The caller may not report for this source system (a token of a body the system does not report for): 403, nothing written. */
public class ReportingRefused extends RuntimeException {

	public ReportingRefused(String detail) {
		super(detail);
	}
}
