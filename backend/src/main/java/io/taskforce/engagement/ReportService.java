package io.taskforce.engagement;

import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.platform.pdf.PdfRenderer;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The case report: the team gets the staff version, a client of the tenant the client version (built from public
 * data only, so it cannot leak what it never read). Read in one transaction, rendered after it ends.
 */
@Singleton
class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    /** A rendered report and the name to download it under. */
    record Report(byte[] pdf, String fileName) {
    }

    private final CaseAccess access;
    private final ReportStore cases;
    private final LogStore log;
    private final StakeholderStore stakeholders;
    private final RumourStore rumours;
    private final PdfRenderer renderer;

    ReportService(CaseAccess access, ReportStore cases, LogStore log, StakeholderStore stakeholders, RumourStore rumours,
                  PdfRenderer renderer) {
        this.access = access;
        this.cases = cases;
        this.log = log;
        this.stakeholders = stakeholders;
        this.rumours = rumours;
        this.renderer = renderer;
    }

    Report report(Caller caller, UUID caseId) {
        var data = access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            boolean client = scope.viewer() == CaseScope.Viewer.CLIENT;
            var tenantId = scope.tenantId();
            var h = cases.head(tenantId, caseId);
            return new ReportData(h.language(), h.tenantName(), h.title(), h.summary(), h.status(), h.phase(),
                    client ? List.of() : h.crisisTypes(), client ? null : h.severity(), client ? null : h.kinetics(),
                    client ? null : h.triagedAt(), client ? List.of() : cases.team(tenantId, caseId),
                    cases.progress(tenantId, caseId), log.all(tenantId, caseId, client),
                    client ? List.of() : stakeholders.ofCase(tenantId, caseId, false),
                    client ? List.of() : cases.tasks(tenantId, caseId),
                    client ? List.of() : rumours.ofCase(tenantId, caseId, true), client, Instant.now());
        });
        long started = System.nanoTime();
        var pdf = renderer.render(CaseReport.xhtml(data));
        // how long rendering takes is what the bench note reports; no assertion anywhere depends on it
        LOG.info("Case report of {} rendered ({} version, {} log entries, {} bytes) in {} ms", caseId,
                data.forClient() ? "client" : "staff", data.timeline().size(), pdf.length, (System.nanoTime() - started) / 1_000_000);
        return new Report(pdf, "report-" + caseId + (data.forClient() ? "-client" : "") + ".pdf");
    }
}
