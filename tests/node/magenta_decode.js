// magenta.js (@magenta/music in node, tfjs' pure-JS CPU backend) as the reference for the importer's parity
// test: loads a checkpoint folder the way a browser does (config.json, weights_manifest.json, shards), then
//   decodes the given z greedily (MusicVAE.decodeTensors with no temperature: argmax at every step) and
//   encodes the given tokens (MusicVAE.encodeTensors: mu).
// usage: node magenta_decode.js CHECKPOINT_DIR REQUEST.json RESULT.json
//   TFJS_BACKEND=cpu selects tfjs' pure-JS backend; the default, wasm, runs the same ops ~7x faster (the
//   trio_4bar shapes: 5.8 s against 39 s of CPU for 32 z, identical tokens).
//   REQUEST: {"z": [[...], ...], "tokens": [[...], ...] (optional; trio: [[[m, b, d], ...], ...])}
//   RESULT:  {"tokens": [...] (per step the argmax of each track's one-hot), "mu": [[...], ...], "depths": [...]}
'use strict';
const fs = require('fs');
const path = require('path');

// magenta.js fetches with node-fetch and tfjs with the global fetch; neither reads file:// URLs, so both
// are given this one, which serves a URL's path from disk (the wasm backend's binary too).
function fileFetch(url) {
  const file = decodeURI(String(url).replace(/^file:\/\//, ''));
  const type = file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
  return Promise.resolve(new Response(fs.readFileSync(file), {status: 200, headers: {'Content-Type': type}}));
}
const nodeFetch = require.resolve('node-fetch', {paths: [path.dirname(require.resolve('@magenta/music/package.json'))]});
require.cache[nodeFetch] = {id: nodeFetch, filename: nodeFetch, loaded: true, exports: fileFetch};
global.fetch = fileFetch;

const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const mvae = require('@magenta/music/node/music_vae');

// Each track's output depth: DrumsConverter reads a 10-wide drum roll but decodes one of 512 tokens.
function depths(model) {
  const converter = model.dataConverter;
  if (converter.NUM_SPLITS) {  // trio
    return [converter.melConverter.depth, converter.bassConverter.depth, converter.drumsConverter.depth];
  }
  return [model.spec.dataConverter.type === 'DrumsConverter' ? 512 : converter.depth];
}

// Our tokens -> the encoder input magenta.js' converters make from a NoteSequence: one-hot per track side by
// side (melody, drums one-hot, trio), or DrumsConverter's drum roll (9 class bits, then 1 where none is hit).
function encoderInput(tokens, trackDepths, drumRoll) {
  const width = drumRoll ? 10 : trackDepths.reduce((a, b) => a + b, 0);
  const batch = tokens.length, steps = tokens[0].length;
  const data = new Float32Array(batch * steps * width);
  for (let b = 0; b < batch; b++) {
    for (let s = 0; s < steps; s++) {
      const row = (b * steps + s) * width;
      const step = [].concat(tokens[b][s]);  // one token, or one per track
      if (drumRoll) {
        for (let c = 0; c < 9; c++) data[row + c] = (step[0] >> c) & 1;
        data[row + 9] = step[0] === 0 ? 1 : 0;
      } else {
        let offset = 0;
        step.forEach((token, k) => { data[row + offset + token] = 1; offset += trackDepths[k]; });
      }
    }
  }
  return tf.tensor3d(data, [batch, steps, width]);
}

async function main() {
  const [dir, requestFile, resultFile] = process.argv.slice(2);
  const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  if ((process.env.TFJS_BACKEND || 'wasm') === 'wasm') {
    wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
    await tf.setBackend('wasm');
  } else {
    await tf.setBackend('cpu');
  }
  await tf.ready();
  const model = new mvae.MusicVAE('file://' + path.resolve(dir));
  const log = console.log;
  console.log = () => {};  // magenta.js logs its timings; stdout stays quiet
  await model.initialize();
  console.log = log;
  const trackDepths = depths(model);
  const z = tf.tensor2d(request.z);
  const onehots = await model.decodeTensors(z);  // no temperature: argmax
  const tokens = [];
  const split = tf.split(onehots, trackDepths, 2).map((t) => t.argMax(2).arraySync());
  for (let b = 0; b < onehots.shape[0]; b++) {
    tokens.push(split[0][b].map((_, s) => (split.length > 1 ? split.map((track) => track[b][s]) : split[0][b][s])));
  }
  const result = {tokens, depths: trackDepths, backend: tf.getBackend()};
  if (request.tokens) {
    const input = encoderInput(request.tokens, trackDepths, model.spec.dataConverter.type === 'DrumsConverter');
    const mu = await model.encodeTensors(input);
    result.mu = mu.arraySync();
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

main().catch((err) => { console.error(err && err.stack || String(err)); process.exit(1); });
