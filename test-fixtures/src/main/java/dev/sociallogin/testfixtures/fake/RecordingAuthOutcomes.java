package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.RefreshOutcome;
import dev.sociallogin.domain.port.out.AuthOutcomes;
import java.util.ArrayList;
import java.util.List;

/** Records every report as a short line ({@code login kakao register}, {@code refresh GRACE}) for assertions. */
public final class RecordingAuthOutcomes implements AuthOutcomes {

    private final List<String> reports = new ArrayList<>();

    @Override
    public synchronized void loginSucceeded(ProviderName provider, boolean registered) {
        reports.add("login " + provider.value() + (registered ? " register" : " login"));
    }

    @Override
    public synchronized void loginFailed(ProviderName provider, ErrorCode code) {
        reports.add("login " + provider.value() + " " + code);
    }

    @Override
    public synchronized void refreshed(RefreshOutcome outcome) {
        reports.add("refresh " + outcome);
    }

    /** The reports so far, oldest first. */
    public synchronized List<String> reports() {
        return List.copyOf(reports);
    }

    public synchronized void clear() {
        reports.clear();
    }
}
