package zhifa.supervision.document;

import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseDocuments;
import zhifa.casework.VerifiableDocuments;
import zhifa.shared.Sm3;
import zhifa.supervision.document.persistence.SupervisionDocumentRows;

/**
 * Supervision documents on the public verification page: the type, the issuing supervision body, the number and the
 * date of the document a code was printed on (a supervision document has one version) — nothing of its content.
 */
@Component
class SupervisionDocumentVerification implements VerifiableDocuments {

	private final SupervisionDocumentRows rows;

	SupervisionDocumentVerification(SupervisionDocumentRows rows) {
		this.rows = rows;
	}

	@Override
	public Optional<Found> byCode(String code) {
		return rows.byCode(code).map(d -> new Found(new CaseDocuments.Verified(d.code(), DocumentType.valueOf(d.type()).label(), d.issuer(), d.number(),
				d.issuedOn(), 1, 1), Sm3.hex(d.pdf())));
	}
}
