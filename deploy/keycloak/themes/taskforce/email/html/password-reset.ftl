<#import "template.ftl" as layout>
<@layout.emailLayout>
<@layout.greeting/>
<p>${msg("taskforcePasswordResetIntro")}</p>
<@layout.button href=link label=msg("taskforcePasswordResetButton")/>
<p><strong>${msg("taskforceLinkValidity", linkExpirationFormatter(linkExpiration))}</strong></p>
<p style="color:#334155;">${msg("taskforcePasswordResetIgnore")}</p>
</@layout.emailLayout>
