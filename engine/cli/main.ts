// Placeholder until the CLI lands.
console.log('edrsim');
