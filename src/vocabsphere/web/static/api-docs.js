// Starts Swagger UI from the vendored bundle (kept out of the page so the CSP can forbid inline scripts).
const root = document.getElementById("swagger-ui");
window.SwaggerUIBundle({ url: root.dataset.specUrl, dom_id: "#swagger-ui", deepLinking: true });
