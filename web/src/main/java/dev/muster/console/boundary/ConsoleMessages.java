package dev.muster.console.boundary;

import dev.muster.platform.Refused;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Tells the console user how an action went, as a Faces message shown by the page's growl. */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** A refusal says why in the domain's words; anything else is reported by its message alone, never a trace. */
    static void failed(String action, RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        error(action + ": " + (cause instanceof Refused ? cause.getMessage() : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " – " + cause.getMessage())));
    }

    /** @return true when the user may act; otherwise says so */
    static boolean allowed(ConsoleUser user) {
        if (!user.mayOperate()) {
            error(user.displayName() + " may only look, not act");
        }
        return user.mayOperate();
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
