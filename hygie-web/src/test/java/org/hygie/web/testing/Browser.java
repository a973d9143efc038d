package org.hygie.web.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by Debian's chromedriver (nothing downloaded). */
public final class Browser {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    }

    public static ChromeDriver start(Path profile) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=fr-FR", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        return d;
    }

    /** A screenshot of the whole page from its top (the window is made as tall as the page first). */
    public static void screenshot(ChromeDriver d, Path file) throws Exception {
        ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0);");
        Object h = ((JavascriptExecutor) d).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        int height = Math.min(6000, Math.max(700, ((Number) h).intValue() + 40));
        d.manage().window().setSize(new Dimension(1280, height));
        Files.createDirectories(file.getParent());
        Files.write(file, d.getScreenshotAs(OutputType.BYTES));
        d.manage().window().setSize(new Dimension(1280, 900));
    }
}
