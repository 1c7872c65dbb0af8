// Talking to the frontline API: relative URLs only, so the page works wherever it is served.

export class ApiError extends Error {}

// GET a JSON document; an error response becomes an ApiError carrying the API's message.
export async function getJSON(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new ApiError(`${path}: ${response.status} ${message}`);
  }
  return body;
}

// Like getJSON, but a missing resource (or any error) gives `fallback` instead of failing.
export async function getOptional(path, params, fallback) {
  try {
    return await getJSON(path, params);
  } catch (error) {
    console.warn(String(error));
    return fallback;
  }
}
