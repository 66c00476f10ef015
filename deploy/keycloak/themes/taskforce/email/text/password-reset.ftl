<#ftl output_format="plainText">
<#if user?? && user.firstName?has_content>${msg("taskforceGreeting", user.firstName)}<#else>${msg("taskforceGreetingAnonymous")}</#if>

${msg("taskforcePasswordResetIntro")}

${link}

${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}

${msg("taskforcePasswordResetIgnore")}

-- 
${msg("taskforceName")} — ${msg("taskforceTagline")}
${msg("taskforceFooter")}
