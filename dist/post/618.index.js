export const id = 618;
export const ids = [618];
export const modules = {

/***/ 8618:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Hash = void 0;
var serde_1 = __webpack_require__(1892);
Object.defineProperty(exports, "Hash", ({ enumerable: true, get: function () { return serde_1.Hash; } }));


/***/ })

};
