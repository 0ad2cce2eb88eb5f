package zhifa.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The campaign duties past their day and not done, per body (implemented by {@code zhifa.supervision.campaign}; alerted nightly). */
public interface CampaignDuties {

	/** A late duty: the occurrence that names it (campaign and step) and the reasoning in Chinese. */
	record Late(String occurrence, String reasoning) {
	}

	Map<Long, List<Late>> late(LocalDate today);
}
