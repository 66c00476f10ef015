<#-- Taskforce e-mail layout: every HTML e-mail Keycloak sends for the realm (inline styles: mail clients drop <style>). -->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#f8fafc;color:#0f172a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8fafc;">
  <tr><td align="center" style="padding:24px 12px;">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #cbd5e1;border-radius:8px;">
      <tr><td style="background:#1d4ed8;color:#ffffff;padding:20px 28px;border-radius:8px 8px 0 0;">
        <div style="font-size:24px;font-weight:700;letter-spacing:0.02em;">${msg("taskforceName")}</div>
        <div style="font-size:14px;color:#dbeafe;">${msg("taskforceTagline")}</div>
      </td></tr>
      <tr><td style="padding:24px 28px;">
        <#nested>
      </td></tr>
      <tr><td style="padding:16px 28px;border-top:1px solid #e2e8f0;color:#334155;font-size:13px;">
        ${msg("taskforceFooter")}
      </td></tr>
    </table>
  </td></tr>
</table>
</body>
</html>
</#macro>

<#-- A link drawn as the web app's primary button, with the address written out below for clients that block buttons. -->
<#macro button href label>
<p style="margin:24px 0;">
  <a href="${href}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;">${label}</a>
</p>
<p style="color:#334155;font-size:13px;word-break:break-all;">${msg("taskforceLinkFallback")}<br><a href="${href}" style="color:#1d4ed8;">${href}</a></p>
</#macro>

<#macro greeting>
<p><#if user?? && user.firstName?has_content>${msg("taskforceGreeting", user.firstName)}<#else>${msg("taskforceGreetingAnonymous")}</#if></p>
</#macro>
